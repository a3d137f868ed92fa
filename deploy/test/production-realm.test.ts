import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serviceEntry } from '@relais/host/registry';
import { k8sDirectory, repositoryRoot } from './support/paths';

interface EnvVariable {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

interface Realm {
  realm: string;
  users?: unknown[];
  eventsEnabled?: boolean;
  adminEventsEnabled?: boolean;
  adminEventsDetailsEnabled?: boolean;
  attributes?: Record<string, string>;
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
  it('has no person and no client secret: one service account, one secret from the environment', () => {
    expect(production.users).toEqual([
      {
        username: 'service-account-relais-enrollment-identity-events',
        enabled: true,
        serviceAccountClientId: 'relais-enrollment-identity-events',
        realmRoles: [],
        clientRoles: { 'realm-management': ['view-events'] },
      },
    ]);
    expect(
      production.clients.flatMap((client) =>
        client.secret === undefined ? [] : [[client.clientId, client.secret]],
      ),
    ).toEqual([['relais-enrollment-identity-events', '$(env:RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET)']]);
  });

  it('gives the realm job that secret from the Secret enrollment reads it from', () => {
    const job = parse(readFileSync(join(k8sDirectory, 'components/keycloak/realm-config.yaml'), 'utf8')) as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: { env: EnvVariable[] }[] } } } } };
    };
    const env = job.spec.jobTemplate.spec.template.spec.containers[0]?.env ?? [];

    expect(
      env.find((variable) => variable.name === 'RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET')?.valueFrom,
    ).toEqual({
      secretKeyRef: {
        name: serviceEntry('enrollment').secretEnv?.['RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET'],
        key: 'key',
      },
    });
  });

  it('keeps a week of admin events, without the representation of what changed', () => {
    for (const realm of [demo, production]) {
      expect(realm).toMatchObject({
        eventsEnabled: false,
        adminEventsEnabled: true,
        adminEventsDetailsEnabled: false,
        attributes: { adminEventsExpiration: String(7 * 24 * 3600) },
      });
    }
  });

  it('has the roles, clients, token mappers and user profile of the demo realm', () => {
    expect(production.realm).toBe(demo.realm);
    expect(production.roles).toEqual(demo.roles);
    const mappers = (realm: Realm) =>
      realm.clients
        // The demo's client that tests manage users with is the demo's only.
        .filter((client) => client.clientId !== 'relais-demo-user-admin')
        .map((client) => [client.clientId, client.protocolMappers?.map((mapper) => mapper.name)]);
    expect(mappers(production)).toEqual(mappers(demo));
    expect(production.clients.map((client) => client.clientId)).not.toContain('relais-demo-user-admin');
    expect(production.components).toEqual(demo.components);
  });
});
