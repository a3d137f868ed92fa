import { Problem, forbidden, serviceUnavailable } from '@relais/platform';

/** The stable problem codes of authentication and authorization. */
export type AuthProblemCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_TOKEN'
  | 'FORBIDDEN_ROLE'
  | 'FORBIDDEN_CLIENT'
  | 'IDENTITY_PROVIDER_UNAVAILABLE';

// RFC 6750 §3: the challenge names the scheme, and `error="invalid_token"` when a token was sent but refused.
const CHALLENGE = 'Bearer realm="relais"';

/** 401 for a request that carries no bearer token. */
export function unauthenticated(detail: string): Problem {
  return new Problem({
    status: 401,
    code: 'UNAUTHENTICATED',
    title: 'Authentication required',
    detail,
    headers: { 'WWW-Authenticate': CHALLENGE },
  });
}

/** 401 for a bearer token that is not valid for this service (whatever the reason: never told). */
export function invalidToken(detail: string): Problem {
  return new Problem({
    status: 401,
    code: 'INVALID_TOKEN',
    title: 'Invalid access token',
    detail,
    headers: { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` },
  });
}

/** 403 for a valid caller whose roles do not allow the route. */
export function forbiddenRole(detail: string): Problem {
  return forbidden('FORBIDDEN_ROLE', detail);
}

/**
 * 403 for a valid token issued to a client that may not call user routes (a service account, another
 * application): the token is genuine, it is just not a person signed in through the portal.
 */
export function forbiddenClient(detail: string): Problem {
  return forbidden('FORBIDDEN_CLIENT', detail);
}

/** 503 when the identity provider's keys cannot be fetched: the caller's token may well be fine. */
export function identityProviderUnavailable(detail: string): Problem {
  return serviceUnavailable('IDENTITY_PROVIDER_UNAVAILABLE', detail, 5);
}
