import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serviceNames } from '@relais/host/registry';

// Read as raw JSON, exactly as Keycloak imports it: this test checks the file, not our parser of it.
const realm = JSON.parse(
  readFileSync(new URL('../../../deploy/keycloak/realm-relais.json', import.meta.url), 'utf8'),
) as RealmRepresentation;

interface UserRepresentation {
  id: string;
  username: string;
  enabled: boolean;
  emailVerified?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string; temporary: boolean }[];
  realmRoles: string[];
  clientRoles?: Record<string, string[]>;
  serviceAccountClientId?: string;
}

interface ProtocolMapper {
  protocolMapper: string;
  config: Record<string, string>;
}

interface ClientRepresentation {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  standardFlowEnabled: boolean;
  protocolMappers: ProtocolMapper[];
}

interface RealmRepresentation {
  realm: string;
  eventsEnabled: boolean;
  adminEventsEnabled: boolean;
  adminEventsDetailsEnabled: boolean;
  attributes: Record<string, string>;
  roles: { realm: { name: string }[] };
  users: UserRepresentation[];
  clients: ClientRepresentation[];
  components: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}

interface DemoUser {
  username: string;
  role: string;
  academy?: string;
  district?: string;
  school?: string;
}

const ROLES = ['teacher', 'trainer', 'training-manager', 'inspector', 'ministry', 'chsct', 'ops'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const two = (n: number) => String(n).padStart(2, '0');

// The demo realm table of docs/api.md, transcribed row by row.
const lyonSchools: [number, number, string][] = [
  [1, 5, '0690001A'],
  [6, 10, '0690002B'],
  [11, 15, '0690003C'],
  [16, 20, '0690004D'],
  [21, 30, '0690005E'],
  [31, 40, '0690006F'],
];
const API_DEMO_TABLE: DemoUser[] = [
  { username: 'manager.lyon', role: 'training-manager', academy: 'lyon' },
  { username: 'trainer.alice', role: 'trainer', academy: 'lyon' },
  { username: 'trainer.bruno', role: 'trainer', academy: 'lyon' },
  ...lyonSchools.flatMap(([from, to, school]) =>
    range(from, to).map((n) => ({
      username: `teacher.${two(n)}`,
      role: 'teacher',
      academy: 'lyon',
      district: n <= 20 ? 'lyon-d1' : 'lyon-d2',
      school,
    })),
  ),
  { username: 'inspector.d1', role: 'inspector', academy: 'lyon', district: 'lyon-d1' },
  { username: 'inspector.d2', role: 'inspector', academy: 'lyon', district: 'lyon-d2' },
  { username: 'manager.grenoble', role: 'training-manager', academy: 'grenoble' },
  { username: 'trainer.chloe', role: 'trainer', academy: 'grenoble' },
  ...range(1, 12).map((n) => ({
    username: `teacher.g${two(n)}`,
    role: 'teacher',
    academy: 'grenoble',
    district: 'grenoble-d1',
    school: '0380001A',
  })),
  { username: 'chsct.national', role: 'chsct' },
  { username: 'chsct.lyon', role: 'chsct', academy: 'lyon' },
  { username: 'ministry.dne', role: 'ministry' },
  { username: 'ops.admin', role: 'ops' },
];

/** One client per service of the registry, its token audience. */
const API_CLIENTS = serviceNames.map((name) => `relais-${name}`);
/** Enrollment's reader of the admin events (user deletions, ADR 0033). */
const IDENTITY_EVENTS_CLIENT = 'relais-enrollment-identity-events';
/** What integration tests create and delete people with, in the demo realm only. */
const DEMO_USER_ADMIN_CLIENT = 'relais-demo-user-admin';
/** Clients whose tokens go to Keycloak's admin API only, never to a Relais API. */
const ADMIN_API_CLIENTS = [IDENTITY_EVENTS_CLIENT, DEMO_USER_ADMIN_CLIENT];
const people = realm.users.filter((user) => user.serviceAccountClientId === undefined);
const personNamed = (username: string) => people.find((user) => user.username === username);

describe('realm-relais.json', () => {
  it('is exactly what deploy/keycloak/generate-realm.mjs produces', () => {
    const generator = fileURLToPath(new URL('../../../deploy/keycloak/generate-realm.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [generator, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('is the relais realm with exactly the seven Relais realm roles', () => {
    expect(realm.realm).toBe('relais');
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...ROLES].sort());
  });

  it('has exactly the users of the docs/api.md demo table', () => {
    expect(people.map((user) => user.username).sort()).toEqual(
      API_DEMO_TABLE.map((user) => user.username).sort(),
    );
  });

  it.each(API_DEMO_TABLE)(
    '$username has role $role and academy/district/school as in docs/api.md',
    (expected) => {
      const user = personNamed(expected.username);

      expect(user?.realmRoles).toEqual([expected.role]);
      expect(user?.attributes?.academy).toEqual(expected.academy ? [expected.academy] : undefined);
      expect(user?.attributes?.district).toEqual(expected.district ? [expected.district] : undefined);
      expect(user?.attributes?.school).toEqual(expected.school ? [expected.school] : undefined);
    },
  );

  it.each(API_DEMO_TABLE)(
    '$username is enabled, named, with a verified non-routable email and password = username',
    ({ username }) => {
      const user = personNamed(username);

      expect(user).toMatchObject({
        enabled: true,
        emailVerified: true,
        email: `${username}@demo.relais.invalid`,
      });
      expect(user?.firstName).toMatch(/\S/);
      expect(user?.lastName).toMatch(/\S/);
      expect(user?.credentials).toEqual([{ type: 'password', value: username, temporary: false }]);
    },
  );

  it('gives every user a distinct UUID, so Keycloak and the embedded provider issue the same sub', () => {
    const ids = realm.users.map((user) => user.id);

    ids.forEach((id) => expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no two people the same display name', () => {
    const names = people.map((user) => `${user.firstName} ${user.lastName}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has a public portal client allowed to use direct access grants', () => {
    expect(realm.clients.find((client) => client.clientId === 'relais-portal')).toMatchObject({
      publicClient: true,
      directAccessGrantsEnabled: true,
    });
  });

  it.each(API_CLIENTS)(
    'has %s as a confidential client with a service account and a demo secret',
    (clientId) => {
      const client = realm.clients.find((candidate) => candidate.clientId === clientId);

      expect(client).toMatchObject({
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      expect(client?.secret).toMatch(/^demo-/);
      expect(realm.users.find((user) => user.serviceAccountClientId === clientId)?.username).toBe(
        `service-account-${clientId}`,
      );
    },
  );

  it.each(
    realm.clients
      .map((client) => client.clientId)
      .filter((clientId) => !ADMIN_API_CLIENTS.includes(clientId)),
  )('%s maps academy, district, school and every API audience into access tokens', (clientId) => {
    const mappers = realm.clients.find((client) => client.clientId === clientId)?.protocolMappers ?? [];
    const onAccessToken = mappers.filter((mapper) => mapper.config['access.token.claim'] === 'true');

    const claims = onAccessToken
      .filter((mapper) => mapper.protocolMapper === 'oidc-usermodel-attribute-mapper')
      .map((mapper) => [mapper.config['user.attribute'], mapper.config['claim.name']]);
    const audiences = onAccessToken
      .filter((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')
      .map((mapper) => mapper.config['included.client.audience']);

    expect(claims).toEqual([
      ['academy', 'academy'],
      ['district', 'district'],
      ['school', 'school'],
    ]);
    expect(audiences).toEqual(API_CLIENTS);
  });

  it.each([
    [IDENTITY_EVENTS_CLIENT, 'demo-enrollment-identity-events-secret'],
    [DEMO_USER_ADMIN_CLIENT, 'demo-user-admin-secret'],
  ])('has %s as a confidential client with no flow, no claim and no audience', (clientId, secret) => {
    expect(realm.clients.find((client) => client.clientId === clientId)).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      secret,
      // Its tokens go to Keycloak's admin API only: no Relais API accepts them.
      protocolMappers: [],
    });
  });

  it('gives Keycloak rights to two service accounts only: view-events to enrollment’s, manage-users and view-realm (to give a role) to the tests’', () => {
    const rights = realm.users
      .filter(
        (user) => user.clientRoles !== undefined || user.realmRoles.some((role) => !ROLES.includes(role)),
      )
      .map((user) => [user.username, user.realmRoles, user.clientRoles]);

    expect(rights).toEqual([
      [`service-account-${IDENTITY_EVENTS_CLIENT}`, [], { 'realm-management': ['view-events'] }],
      [
        `service-account-${DEMO_USER_ADMIN_CLIENT}`,
        [],
        { 'realm-management': ['manage-users', 'view-realm'] },
      ],
    ]);
  });

  it('records admin events, which tell who was deleted, without their details, for a week; no login events', () => {
    expect(realm).toMatchObject({
      eventsEnabled: false,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: false,
      attributes: { adminEventsExpiration: '604800' },
    });
  });

  it('declares academy, district and school in the user profile, editable by administrators only', () => {
    const [userProfile] = realm.components['org.keycloak.userprofile.UserProfileProvider'] ?? [];
    const config = JSON.parse(userProfile?.config['kc.user.profile.config']?.[0] ?? '{}') as {
      attributes: { name: string; permissions: { edit: string[] } }[];
    };

    expect(userProfile?.providerId).toBe('declarative-user-profile');
    for (const name of ['academy', 'district', 'school']) {
      expect(config.attributes.find((attribute) => attribute.name === name)?.permissions.edit).toEqual([
        'admin',
      ]);
    }
    expect(config.attributes.map((attribute) => attribute.name)).toEqual(
      expect.arrayContaining(['username', 'email', 'firstName', 'lastName']),
    );
  });
});
