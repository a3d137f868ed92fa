import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { k8sDirectory, repositoryRoot } from './support/paths';

interface Realm {
  realm: string;
  users?: unknown[];
  roles: { realm: { name: string }[] };
  clients: { clientId: string; protocolMappers?: { name: string }[]; secret?: string }[];
  components: unknown;
}

const demo = JSON.parse(
  readFileSync(join(repositoryRoot, 'deploy/keycloak/realm-relais.json'), 'utf8'),
) as Realm;
const production = parse(
  readFileSync(join(k8sDirectory, 'components/keycloak/realm/relais.yaml'), 'utf8'),
) as Realm;

describe('the production realm that keycloak-config-cli applies', () => {
  it('has no user and no client secret', () => {
    expect(production.users).toBeUndefined();
    expect(production.clients.filter((client) => client.secret !== undefined)).toEqual([]);
  });

  it('has the roles, clients, token mappers and user profile of the demo realm', () => {
    expect(production.realm).toBe(demo.realm);
    expect(production.roles).toEqual(demo.roles);
    const mappers = (realm: Realm) =>
      realm.clients.map((client) => [client.clientId, client.protocolMappers?.map((mapper) => mapper.name)]);
    expect(mappers(production)).toEqual(mappers(demo));
    expect(production.components).toEqual(demo.components);
  });
});
