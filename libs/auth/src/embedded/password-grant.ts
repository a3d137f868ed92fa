import { errors, type ResourceServer, type TokenEndpointGrantContext } from 'oidc-provider';
import { Problem } from '@relais/platform';
import type { BruteForceGuard } from './brute-force-guard';
import type { Realm } from './realm-file';

export const PASSWORD_GRANT_PARAMETERS = ['username', 'password', 'scope'] as const;

interface PasswordGrantParameters {
  username?: string;
  password?: string;
}

/** Keycloak answers a wrong username or password on direct access grants with 401 `invalid_grant`. */
class InvalidUserCredentials extends errors.InvalidGrant {
  constructor() {
    super();
    this.status = 401;
    this.statusCode = 401;
    this.error_description = 'Invalid user credentials';
  }
}

export interface PasswordGrantOptions {
  readonly realm: Realm;
  /** The resource indicator whose Resource Server shapes (JWT, audience, lifetime) every access token. */
  readonly resource: string;
  readonly resourceServer: (clientId: string) => ResourceServer;
  readonly guard: BruteForceGuard;
}

/**
 * 429 for an account or client address locked after repeated failures: a problem document that also carries
 * the OAuth error members, so OAuth clients and Relais's problem readers both understand it.
 */
export function accountLockedProblem(retryAfterSeconds: number): Problem {
  const detail =
    'Too many failed sign-in attempts for this account or from this address: sign-in is suspended; ' +
    `try again in ${retryAfterSeconds} seconds.`;
  return new Problem({
    status: 429,
    code: 'SIGN_IN_TEMPORARILY_LOCKED',
    title: 'Sign-in temporarily locked',
    detail,
    extensions: { error: 'invalid_grant', error_description: detail, retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

function answerProblem(ctx: TokenEndpointGrantContext, problem: Problem): void {
  ctx.status = problem.status;
  for (const [name, value] of Object.entries(problem.headers)) ctx.set(name, value);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/problem+json';
  ctx.body = problem.toJSON();
}

/**
 * Resource Owner Password Credentials, as Keycloak's "direct access grants": the demo users log in with
 * `grant_type=password` on a client that allows it. oidc-provider has no such grant (OAuth 2.1 drops it),
 * hence this handler registered with `provider.registerGrantType`.
 */
export function passwordGrantHandler({ realm, resource, resourceServer, guard }: PasswordGrantOptions) {
  return async function passwordGrant(
    ctx: TokenEndpointGrantContext<PasswordGrantParameters>,
  ): Promise<void> {
    const { provider, client, params } = ctx.oidc;
    const tokenClient = realm.client(client.clientId);
    if (!tokenClient?.directAccessGrantsEnabled) {
      throw new errors.UnauthorizedClient('direct access grants are not enabled for this client');
    }
    if (!params.username || !params.password) {
      throw new errors.InvalidRequest('username and password are required');
    }
    // The socket's address, never X-Forwarded-For, which the client writes and would use to dodge the limit.
    const address = ctx.req.socket.remoteAddress ?? 'unknown';
    const locked = guard.retryAfterSeconds(params.username, address);
    if (locked > 0) return answerProblem(ctx, accountLockedProblem(locked));
    const user = realm.authenticate(params.username, params.password);
    if (!user) {
      guard.recordFailure(params.username, address);
      const nowLocked = guard.retryAfterSeconds(params.username, address);
      if (nowLocked > 0) return answerProblem(ctx, accountLockedProblem(nowLocked));
      throw new InvalidUserCredentials();
    }
    guard.recordSuccess(params.username);

    const requestedScopes = new Set((params.scope ?? '').split(' ').filter(Boolean));
    const scope = requestedScopes.has('openid') ? 'openid profile email' : 'profile email';
    const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
    grant.addResourceScope(resource, scope);
    const grantId = await grant.save();

    const token = new provider.AccessToken({
      accountId: user.id,
      client,
      grantId,
      gty: 'password',
      scope,
      resourceServer: new provider.ResourceServer(resource, resourceServer(client.clientId)),
    });
    ctx.oidc.entity('AccessToken', token);
    const accessToken = await token.save();

    ctx.body = {
      access_token: accessToken,
      expires_in: token.expiration,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope,
    };
  };
}
