import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The monorepo root, found from this file's location so that it holds from any working directory. */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export const topicsFilePath = join(repositoryRoot, 'deploy/kafka/topics.txt');
export const realmFilePath = join(repositoryRoot, 'deploy/keycloak/realm-relais.json');
export const versionsFilePath = join(repositoryRoot, 'scripts/infra/versions.env');
export const infraScriptPath = join(repositoryRoot, 'scripts/infra/infra');
