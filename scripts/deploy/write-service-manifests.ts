/**
 * Writes the Kubernetes manifests that follow from the registry of services (scripts/deploy/service-manifests.ts);
 * with `--check`, writes nothing and fails naming the stale files (CI, and deploy/test).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services } from '../../libs/host/src/service-registry';
import { formattedServiceManifests } from './service-manifests';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '');
const check = process.argv.includes('--check');

const stale: string[] = [];
for (const [path, text] of await formattedServiceManifests(services, read)) {
  if (read(path) === text) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
if (check && stale.length > 0) {
  console.error(
    `These files do not match the registry of services; run \`npm run deploy:services\`:\n${stale.join('\n')}`,
  );
  process.exit(1);
}
console.log(check ? 'the services’ manifests match the registry' : `wrote ${stale.length} file(s)`);
