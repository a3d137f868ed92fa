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
import { createBruteForceGuard } from './brute-force-guard';
import { loginRouter } from './login-router';
import { logoutPage, messagePage } from './login-page';
import { pageAssetsRouter, pageLinks, type PageLinks } from './page-assets';
import { loadRealm, type Realm, type TokenClient } from './realm-file';
import { generateSigningKey, type SigningKey } from './signing-key';
import { userinfoRouter } from './userinfo';

export interface EmbeddedIdentityProviderOptions {
  /**
   * Where browsers and services reach the process, e.g. http://localhost:8080: the issuer is
   * `<publicBaseUrl>/realms/<realm>` and every URL the provider publishes derives from it, never from the
   * request's Host header.
   */
  readonly publicBaseUrl: string;
  /** The Keycloak realm file; relative paths are resolved against the working directory. */
  readonly realmFile?: string;
  /** Read for NODE_ENV only: the provider refuses to start unless it is `development` or `test`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Normally generated at start-up; tests pass one to prove the issuer check independently of the signature. */
  readonly signingKey?: SigningKey;
  /** Lists the demo accounts on the login page (standalone mode); off unless asked for. */
  readonly listDemoAccounts?: boolean;
  /** The lockout clock; tests move it forward. */
  readonly now?: () => number;
}

export interface EmbeddedIdentityProvider {
  readonly issuer: string;
  /** Serves the realm under `/realms/<realm>` with Keycloak's paths. Mount it before any body parser. */
  mount(app: Application): void;
}

/** Why the embedded provider will not start: a configuration mistake to report in one line, not a crash. */
export class EmbeddedIdentityProviderRefused extends Error {
  override readonly name = 'EmbeddedIdentityProviderRefused';
}

const ALLOWED_NODE_ENVS = new Set(['development', 'test']);

/**
 * The embedded provider serves public demo passwords: it must never run where real people sign in. Unset
 * NODE_ENV is refused too, because production images often leave it unset.
 */
export function assertEmbeddedIdentityProviderAllowed(env: NodeJS.ProcessEnv = process.env): void {
  const nodeEnv = env.NODE_ENV;
  if (nodeEnv === undefined || !ALLOWED_NODE_ENVS.has(nodeEnv)) {
    throw new EmbeddedIdentityProviderRefused(
      `the embedded identity provider runs only with NODE_ENV=development or NODE_ENV=test (got ${
        nodeEnv === undefined ? 'NODE_ENV unset' : `NODE_ENV=${JSON.stringify(nodeEnv)}`
      }): it is for standalone mode and tests, never production`,
    );
  }
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

/** Where the login form lives, relative to the realm (Keycloak's own login actions path). */
const LOGIN_ACTIONS = '/login-actions/authenticate';

/**
 * An OpenID provider (oidc-provider) that stands in for Keycloak in standalone mode and tests: same realm
 * file, same paths, same access token shape, so services verify its tokens with the very same
 * JWKS token verifier. It signs people in with the authorization code flow and PKCE on a French login
 * page, supports refresh tokens and sign-out, the password grant for demo users and tests, and
 * client_credentials for the service clients. Signing keys and sessions live in memory only.
 */
export function createEmbeddedIdentityProvider(
  options: EmbeddedIdentityProviderOptions,
): EmbeddedIdentityProvider {
  assertEmbeddedIdentityProviderAllowed(options.env ?? process.env);
  const publicUrl = new URL(options.publicBaseUrl);
  if (publicUrl.pathname.replace(/\/+$/, '') !== '' || publicUrl.search || publicUrl.hash) {
    throw new EmbeddedIdentityProviderRefused(
      `publicBaseUrl must be an origin such as http://localhost:8080, without a path (got ${options.publicBaseUrl})`,
    );
  }
  const realm = loadRealm(options.realmFile ? resolve(options.realmFile) : DEFAULT_REALM_FILE);
  const signingKey = options.signingKey ?? generateSigningKey();
  const realmPath = `/realms/${encodeURIComponent(realm.name)}`;
  const issuer = `${publicUrl.origin}${realmPath}`;
  const guard = createBruteForceGuard(realm.bruteForce, options.now);
  const links = pageLinks(issuer);

  // oidc-provider wants one audience per Resource Server; the jwt customizer below then writes the full
  // `aud` of the client's audience mappers, as Keycloak does.
  const resourceServer = (clientId: string): ResourceServer => ({
    scope: 'openid profile email',
    audience: realm.client(clientId)?.audience[0] ?? clientId,
    accessTokenFormat: 'jwt',
    accessTokenTTL: realm.accessTokenLifespan,
    jwt: { sign: { alg: 'RS256' } },
  });

  const provider = new Provider(
    issuer,
    providerConfiguration({
      realm,
      signingKey,
      resourceServer,
      loginUrl: `${issuer}${LOGIN_ACTIONS}`,
      links,
    }),
  );
  // https behind a TLS-terminating proxy: oidc-provider then reads the scheme from X-Forwarded-Proto, which
  // pinToPublicUrl below sets itself.
  provider.proxy = publicUrl.protocol === 'https:';
  allowKeycloakRedirectPatterns(provider, realm);
  provider.registerGrantType(
    'password',
    passwordGrantHandler({ realm, resource: RELAIS_APIS, resourceServer, guard }),
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

  // oidc-provider builds every URL it publishes (discovery, redirects) from the request's host: the request
  // is made to look as if it came to the configured public URL, whatever Host or X-Forwarded-* it carried.
  const pinToPublicUrl: RequestHandler = (req, _res, next) => {
    req.headers.host = publicUrl.host;
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-port'];
    if (provider.proxy) {
      req.headers['x-forwarded-proto'] = publicUrl.protocol.replace(':', '');
    } else {
      delete req.headers['x-forwarded-proto'];
    }
    next();
  };

  return {
    issuer,
    mount(app) {
      app.use(realmPath, pinToPublicUrl);
      app.get(realmPath, realmInfo);
      app.use(
        `${realmPath}${LOGIN_ACTIONS}`,
        loginRouter({
          provider,
          realm,
          guard,
          action: `${issuer}${LOGIN_ACTIONS}`,
          demoAccounts: options.listDemoAccounts ? realm.demoAccounts : [],
          links,
        }),
      );
      app.use(
        `${realmPath}${KEYCLOAK_ROUTES.userinfo}`,
        userinfoRouter({ realm, issuer, signingKey, ...(options.now ? { now: options.now } : {}) }),
      );
      app.use(realmPath, pageAssetsRouter());
      app.use(realmPath, provider.callback());
    },
  };
}

/**
 * Keycloak's redirect URIs may end with `*` (any suffix), which oidc-provider's exact matching does not know:
 * a client's redirect and post-logout URIs are checked against the realm file's patterns instead.
 */
function allowKeycloakRedirectPatterns(provider: Provider, realm: Realm): void {
  const matches = (patterns: readonly string[], uri: string) =>
    !uri.includes('#') &&
    patterns.some((pattern) =>
      pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern,
    );
  const prototype = provider.Client.prototype;
  prototype.redirectUriAllowed = function redirectUriAllowed(this: { clientId: string }, uri: string) {
    return matches(realm.client(this.clientId)?.redirectUris ?? [], uri);
  };
  prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(
    this: { clientId: string },
    uri: string,
  ) {
    return matches(realm.client(this.clientId)?.postLogoutRedirectUris ?? [], uri);
  };
}

interface ProviderConfigurationInputs {
  readonly realm: Realm;
  readonly signingKey: SigningKey;
  readonly resourceServer: (clientId: string) => ResourceServer;
  readonly loginUrl: string;
  readonly links: PageLinks;
}

function providerConfiguration({
  realm,
  signingKey,
  resourceServer,
  loginUrl,
  links,
}: ProviderConfigurationInputs): Configuration {
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
    // The login page of loginRouter; consent is never asked (loadExistingGrant): Relais's own portal.
    interactions: { url: (_ctx, interaction) => `${loginUrl}?uid=${encodeURIComponent(interaction.uid)}` },
    async loadExistingGrant(ctx) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const requested = typeof params?.scope === 'string' ? params.scope : 'openid';
      const scope = requested
        .split(' ')
        .filter((name) => ['openid', 'profile', 'email', 'offline_access'].includes(name))
        .join(' ');
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(scope);
      grant.addResourceScope(RELAIS_APIS, scope.replace('offline_access', '').trim());
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    // Like Keycloak: the code flow always returns a refresh token, for silent renewal within the session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = messagePage(
        'Connexion impossible',
        `La demande de connexion a été refusée (${String(out.error)}). Revenez au portail et recommencez.`,
        links,
      );
    },
    features: {
      // The development login form accepts any user without a password: never on.
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form, typeof ctx.oidc.params?.id_token_hint === 'string', links);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = messagePage(
            'Vous êtes déconnecté',
            'Vous pouvez fermer cette page ou revenir au portail.',
            links,
          );
        },
      },
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
    // Browsers may call the token and userinfo endpoints from the client's web origins only.
    clientBasedCORS: (_ctx, origin, client) =>
      realm.client(client.clientId)?.webOrigins.includes(origin) ?? false,
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      Grant: ttl,
      IdToken: ttl,
      Interaction: 600,
      Session: realm.ssoSessionMaxLifespan,
      AuthorizationCode: 60,
      // A refresh token lives as long as an idle session: silent renewal keeps an active session going.
      RefreshToken: realm.ssoSessionIdleTimeout,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
  };
}

/**
 * oidc-provider metadata for a realm client. Every client may ask for the password grant so that its handler,
 * like Keycloak, answers `unauthorized_client` when the realm does not allow it. Redirect URIs are checked
 * against the realm's patterns (allowKeycloakRedirectPatterns), so the metadata carries a placeholder.
 */
function clientMetadata(client: TokenClient): ClientMetadata[] {
  if (!client.publicClient && !client.secret) return [];
  const codeFlow = client.standardFlowEnabled;
  const grantTypes = [
    'password',
    ...(codeFlow ? ['authorization_code', 'refresh_token'] : []),
    ...(client.serviceAccountsEnabled && !client.publicClient ? ['client_credentials'] : []),
  ];
  const authentication: Partial<ClientMetadata> = client.publicClient
    ? { token_endpoint_auth_method: 'none' }
    : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret };
  const redirectUris = codeFlow ? client.redirectUris.map((uri) => uri.replace(/\*$/, '')) : [];
  return [
    {
      client_id: client.clientId,
      ...authentication,
      grant_types: grantTypes,
      response_types: codeFlow ? ['code'] : [],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: codeFlow
        ? client.postLogoutRedirectUris.map((uri) => uri.replace(/\*$/, ''))
        : [],
    },
  ];
}
