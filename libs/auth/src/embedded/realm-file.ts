import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The subset of Keycloak's realm representation that the embedded provider honours. Unknown fields are
// allowed: the file is written for Keycloak, which reads far more of it.
const protocolMapperSchema = z.looseObject({
  protocolMapper: z.string(),
  config: z.record(z.string(), z.string()).default({}),
});

const userSchema = z.looseObject({
  id: z.uuid(),
  username: z.string().min(1),
  enabled: z.boolean().default(true),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
  credentials: z
    .array(
      z.looseObject({
        type: z.string(),
        value: z.string().optional(),
        temporary: z.boolean().default(false),
      }),
    )
    .default([]),
  realmRoles: z.array(z.string()).default([]),
  serviceAccountClientId: z.string().optional(),
});

const clientSchema = z.looseObject({
  clientId: z.string().min(1),
  enabled: z.boolean().default(true),
  publicClient: z.boolean().default(false),
  secret: z.string().optional(),
  directAccessGrantsEnabled: z.boolean().default(false),
  serviceAccountsEnabled: z.boolean().default(false),
  standardFlowEnabled: z.boolean().default(false),
  redirectUris: z.array(z.string()).default([]),
  webOrigins: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.string()).default({}),
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

const realmSchema = z.looseObject({
  realm: z.string().min(1),
  accessTokenLifespan: z.number().int().positive().default(300),
  ssoSessionIdleTimeout: z.number().int().positive().default(1800),
  ssoSessionMaxLifespan: z.number().int().positive().default(36000),
  // Keycloak's brute-force detection settings, with Keycloak's defaults.
  bruteForceProtected: z.boolean().default(false),
  permanentLockout: z.boolean().default(false),
  failureFactor: z.number().int().positive().default(30),
  waitIncrementSeconds: z.number().int().positive().default(60),
  maxFailureWaitSeconds: z.number().int().positive().default(900),
  maxDeltaTimeSeconds: z.number().int().positive().default(43200),
  roles: z
    .looseObject({ realm: z.array(z.looseObject({ name: z.string() })).default([]) })
    .default({ realm: [] }),
  users: z.array(userSchema).default([]),
  clients: z.array(clientSchema).default([]),
});

export type RealmUser = z.infer<typeof userSchema>;
export type RealmClient = z.infer<typeof clientSchema>;

/** A claim an access token carries, copied from a user attribute (Keycloak's user attribute mapper). */
export interface AttributeClaim {
  readonly attribute: string;
  readonly claim: string;
}

/** What the embedded provider needs to know about a client, derived from its Keycloak representation. */
export interface TokenClient {
  readonly clientId: string;
  readonly publicClient: boolean;
  readonly secret?: string;
  readonly directAccessGrantsEnabled: boolean;
  readonly serviceAccountsEnabled: boolean;
  /** `aud` of the access tokens issued to this client (its audience mappers). */
  readonly audience: readonly string[];
  readonly attributeClaims: readonly AttributeClaim[];
  /** Authorization code flow (Keycloak's "standard flow"). */
  readonly standardFlowEnabled: boolean;
  /** Keycloak redirect URI patterns: exact, or ending with `*` for any suffix. */
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /** Origins allowed to call the token and userinfo endpoints from a browser. */
  readonly webOrigins: readonly string[];
}

/** Keycloak's temporary lockout: how many failures lock an account, and for how long. */
export interface BruteForcePolicy {
  readonly enabled: boolean;
  readonly failureFactor: number;
  readonly waitIncrementSeconds: number;
  readonly maxFailureWaitSeconds: number;
  /** Failures older than this no longer count. */
  readonly maxDeltaTimeSeconds: number;
}

/** A demo person as the standalone login page lists them; the demo realm's passwords are public. */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly role: string;
  readonly academy?: string;
}

export interface Realm {
  readonly name: string;
  readonly accessTokenLifespan: number;
  /** Seconds a browser session (and its refresh token) survives without activity, and at most. */
  readonly ssoSessionIdleTimeout: number;
  readonly ssoSessionMaxLifespan: number;
  readonly bruteForce: BruteForcePolicy;
  readonly clients: readonly TokenClient[];
  readonly demoAccounts: readonly DemoAccount[];
  client(clientId: string): TokenClient | undefined;
  userById(id: string): RealmUser | undefined;
  serviceAccountOf(clientId: string): RealmUser | undefined;
  /** The enabled person whose password this is, or undefined; compares in constant time. */
  authenticate(username: string, password: string): RealmUser | undefined;
}

const onAccessToken = (mapper: z.infer<typeof protocolMapperSchema>) =>
  mapper.config['access.token.claim'] === 'true';

/** Keycloak's `+` web origin means "the origins of the redirect URIs". */
function webOriginsOf(client: RealmClient): string[] {
  return client.webOrigins.flatMap((origin) =>
    origin === '+'
      ? client.redirectUris.flatMap((uri) => URL.parse(uri.replace(/\*$/, ''))?.origin ?? [])
      : [origin],
  );
}

function tokenClient(client: RealmClient): TokenClient {
  const mappers = client.protocolMappers.filter(onAccessToken);
  return {
    standardFlowEnabled: client.standardFlowEnabled,
    redirectUris: client.redirectUris,
    postLogoutRedirectUris: (client.attributes['post.logout.redirect.uris'] ?? '')
      .split('##')
      .filter(Boolean)
      .map((uri) => (uri === '+' ? client.redirectUris : [uri]))
      .flat(),
    webOrigins: webOriginsOf(client),
    clientId: client.clientId,
    publicClient: client.publicClient,
    ...(client.secret === undefined ? {} : { secret: client.secret }),
    directAccessGrantsEnabled: client.directAccessGrantsEnabled,
    serviceAccountsEnabled: client.serviceAccountsEnabled,
    audience: mappers
      .filter((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')
      .flatMap(
        (mapper) =>
          mapper.config['included.client.audience'] ?? mapper.config['included.custom.audience'] ?? [],
      ),
    attributeClaims: mappers
      .filter((mapper) => mapper.protocolMapper === 'oidc-usermodel-attribute-mapper')
      .flatMap((mapper) => {
        const attribute = mapper.config['user.attribute'];
        const claim = mapper.config['claim.name'];
        return attribute && claim ? [{ attribute, claim }] : [];
      }),
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function passwordOf(user: RealmUser): string | undefined {
  return user.credentials.find((credential) => credential.type === 'password' && !credential.temporary)
    ?.value;
}

export function parseRealm(json: unknown): Realm {
  const parsed = realmSchema.parse(json);
  const clients = parsed.clients.filter((client) => client.enabled).map(tokenClient);
  const clientsById = new Map(clients.map((client) => [client.clientId, client]));
  const usersById = new Map(parsed.users.map((user) => [user.id, user]));
  const people = new Map(
    parsed.users
      .filter((user) => user.serviceAccountClientId === undefined)
      .map((user) => [user.username, user]),
  );
  const serviceAccounts = new Map(
    parsed.users.flatMap((user) =>
      user.serviceAccountClientId ? [[user.serviceAccountClientId, user] as const] : [],
    ),
  );
  // Checked against a digest of a fixed string when the username is unknown, so timing does not reveal it.
  const unknownUserDigest = digest('\u0000no such user');

  const demoAccounts = [...people.values()].flatMap((user) => {
    const password = passwordOf(user);
    const role = user.realmRoles[0];
    if (!user.enabled || password === undefined || role === undefined) return [];
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
    const academy = user.attributes['academy']?.[0];
    return [{ username: user.username, password, name, role, ...(academy ? { academy } : {}) }];
  });

  return {
    name: parsed.realm,
    accessTokenLifespan: parsed.accessTokenLifespan,
    ssoSessionIdleTimeout: parsed.ssoSessionIdleTimeout,
    ssoSessionMaxLifespan: parsed.ssoSessionMaxLifespan,
    bruteForce: {
      enabled: parsed.bruteForceProtected,
      failureFactor: parsed.failureFactor,
      waitIncrementSeconds: parsed.waitIncrementSeconds,
      maxFailureWaitSeconds: parsed.maxFailureWaitSeconds,
      maxDeltaTimeSeconds: parsed.maxDeltaTimeSeconds,
    },
    demoAccounts,
    clients,
    client: (clientId) => clientsById.get(clientId),
    userById: (id) => usersById.get(id),
    serviceAccountOf: (clientId) => serviceAccounts.get(clientId),
    authenticate(username, password) {
      const user = people.get(username);
      const expected = user ? passwordOf(user) : undefined;
      const matches = timingSafeEqual(
        digest(password),
        expected === undefined ? unknownUserDigest : digest(expected),
      );
      return user?.enabled && expected !== undefined && matches ? user : undefined;
    },
  };
}

export function loadRealm(path: string): Realm {
  return parseRealm(JSON.parse(readFileSync(path, 'utf8')));
}
