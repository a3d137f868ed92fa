import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Application, RequestHandler } from 'express';
import Provider, {
  errors,
  type ClientMetadata,
  type Configuration,
  type ResourceServer,
} from 'oidc-provider';
// oidc-provider's own in-memory store, passed explicitly: its implicit default also prints a warning, meant
// for production, at every start of standalone mode, where keeping state in memory is the point.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { keycloakAccessTokenClaims, profileClaims } from './keycloak-token-shape';
import { passwordGrantHandler, PASSWORD_GRANT_PARAMETERS } from './password-grant';
import { loadRealm, type Realm, type TokenClient } from './realm-file';
import { generateSigningKey, type SigningKey } from './signing-key';

export interface EmbeddedIdentityProviderOptions {
  /** Where clients reach the process, e.g. http://localhost:8080; the issuer is `<publicBaseUrl>/realms/<realm>`. */
  readonly publicBaseUrl: string;
  /** The Keycloak realm file; relative paths are resolved against the working directory. */
  readonly realmFile?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Normally generated at start-up; tests pass one to prove the issuer check independently of the signature. */
  readonly signingKey?: SigningKey;
}

export interface EmbeddedIdentityProvider {
  readonly issuer: string;
  /** Serves the realm under `/realms/<realm>` with Keycloak's paths. Mount it before any body parser. */
  mount(app: Application): void;
}

const DEFAULT_REALM_FILE = fileURLToPath(
  new URL('../../../../deploy/keycloak/realm-relais.json', import.meta.url),
);

/** One resource indicator stands for all Relais APIs: every access token is a JWT meant for all of them. */
const RELAIS_APIS = 'urn:relais:apis';

/** Keycloak's OpenID Connect paths, relative to the realm. */
const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  introspection: '/protocol/openid-connect/token/introspect',
  revocation: '/protocol/openid-connect/revoke',
};

/**
 * An OpenID provider (oidc-provider) that stands in for Keycloak in standalone mode and tests: same realm
 * file, same paths, same access token shape, so services verify its tokens with the very same
 * keycloak-connect verifier. It supports the password grant for demo users and client_credentials for the
 * service clients; it is not an interactive login server. Signing keys live in memory only.
 */
export function createEmbeddedIdentityProvider(
  options: EmbeddedIdentityProviderOptions,
): EmbeddedIdentityProvider {
  const env = options.env ?? process.env;
  if (env.NODE_ENV === 'production') {
    throw new Error('the embedded identity provider is for standalone mode and tests only');
  }
  const realm = loadRealm(options.realmFile ? resolve(options.realmFile) : DEFAULT_REALM_FILE);
  const signingKey = options.signingKey ?? generateSigningKey();
  const realmPath = `/realms/${encodeURIComponent(realm.name)}`;
  const issuer = `${options.publicBaseUrl.replace(/\/+$/, '')}${realmPath}`;

  // oidc-provider wants one audience per Resource Server; the jwt customizer below then writes the full
  // `aud` of the client's audience mappers, as Keycloak does.
  const resourceServer = (clientId: string): ResourceServer => ({
    scope: 'openid profile email',
    audience: realm.client(clientId)?.audience[0] ?? clientId,
    accessTokenFormat: 'jwt',
    accessTokenTTL: realm.accessTokenLifespan,
    jwt: { sign: { alg: 'RS256' } },
  });

  const provider = new Provider(issuer, providerConfiguration(realm, signingKey, resourceServer));
  provider.registerGrantType(
    'password',
    passwordGrantHandler({ realm, resource: RELAIS_APIS, resourceServer }),
    PASSWORD_GRANT_PARAMETERS,
  );

  const realmInfo: RequestHandler = (_req, res) => {
    res.json({
      realm: realm.name,
      public_key: signingKey.publicKeyBase64,
      'token-service': `${issuer}/protocol/openid-connect`,
      'account-service': `${issuer}/account`,
      'tokens-not-before': 0,
    });
  };

  return {
    issuer,
    mount(app) {
      app.get(realmPath, realmInfo);
      app.use(realmPath, provider.callback());
    },
  };
}

function providerConfiguration(
  realm: Realm,
  signingKey: SigningKey,
  resourceServer: (clientId: string) => ResourceServer,
): Configuration {
  const ttl = realm.accessTokenLifespan;
  return {
    adapter: createMemoryAdapter(),
    clients: realm.clients.flatMap(clientMetadata),
    jwks: { keys: [signingKey.privateJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: KEYCLOAK_ROUTES,
    scopes: ['openid', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    async findAccount(_ctx, sub) {
      const user = realm.userById(sub);
      if (!user) return undefined;
      return { accountId: user.id, claims: () => ({ sub: user.id, ...profileClaims(user) }) };
    },
    features: {
      // The development login form accepts any user without a password: never on.
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RELAIS_APIS,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== RELAIS_APIS) throw new errors.InvalidTarget();
          return resourceServer(client.clientId);
        },
      },
    },
    formats: {
      customizers: {
        // Reshapes oidc-provider's RFC 9068 access token into Keycloak's (typ: Bearer, azp, realm_access...).
        jwt(_ctx, token, parts) {
          const client = realm.client(token.clientId ?? '');
          const subject =
            token.kind === 'AccessToken'
              ? realm.userById(token.accountId)
              : realm.serviceAccountOf(token.clientId ?? '');
          if (!client || !subject) {
            throw new Error('access token requested for a client or subject missing from the realm file');
          }
          parts.header = { typ: 'JWT' };
          parts.payload = keycloakAccessTokenClaims(
            {
              jti: parts.payload.jti,
              iat: parts.payload.iat,
              exp: parts.payload.exp,
              iss: parts.payload.iss,
              scope: parts.payload.scope,
            },
            subject,
            client,
          );
        },
      },
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      Grant: ttl,
      IdToken: ttl,
      Interaction: 600,
      Session: 1800,
      AuthorizationCode: 60,
      RefreshToken: 1800,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
  };
}

/**
 * oidc-provider metadata for a realm client, without browser flows. Every client may ask for the password
 * grant so that its handler, like Keycloak, answers `unauthorized_client` when the realm does not allow it.
 */
function clientMetadata(client: TokenClient): ClientMetadata[] {
  if (!client.publicClient && !client.secret) return [];
  const grantTypes = [
    'password',
    ...(client.serviceAccountsEnabled && !client.publicClient ? ['client_credentials'] : []),
  ];
  const authentication: Partial<ClientMetadata> = client.publicClient
    ? { token_endpoint_auth_method: 'none' }
    : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret };
  return [
    {
      client_id: client.clientId,
      ...authentication,
      grant_types: grantTypes,
      response_types: [],
      redirect_uris: [],
    },
  ];
}
