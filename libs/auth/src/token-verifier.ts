import type { Caller } from './caller';

/**
 * Port: turns a bearer token into the Caller it proves. Services depend on this, never on the library
 * behind it (RS256 with node:crypto against the realm's cached JWKS since ADR 0029; keycloak-connect before).
 */
export interface TokenVerifier {
  /**
   * Rejects with a Problem (@relais/platform): 401 for any token that is not valid for this service, 403
   * for a valid token issued to a client that user routes do not serve, 503 when the keys are unreachable.
   */
  verify(bearerToken: string): Promise<Caller>;
}
