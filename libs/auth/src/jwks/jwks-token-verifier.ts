import { isProblem, withTimeout, type Problem } from '@relais/platform';
import { callerFromClaims } from '../access-token-claims';
import type { Caller } from '../caller';
import { forbiddenClient, identityProviderUnavailable, invalidToken } from '../errors';
import type { TokenVerifier } from '../token-verifier';
import { createRealmKeyCache, RealmKeysUnreachable } from './realm-key-cache';
import { RefusedToken, verifiedRs256Payload } from './rs256-jws';

/** User routes serve people signed in through the portal, and no other client (docs/design.md §6). */
export const DEFAULT_AUTHORIZED_PARTIES: readonly string[] = ['relais-portal'];

export interface JwksTokenVerifierOptions {
  /** Base URL of the identity provider, without `/realms/...`, e.g. http://localhost:8080. */
  readonly authServerUrl: string;
  readonly realm: string;
  /** The audience this service requires in `aud`, e.g. `relais-enrollment`. */
  readonly clientId: string;
  /** How long to wait for the realm's keys before answering 503. */
  readonly keysTimeoutMs?: number;
  /** After the realm's keys were fetched, tokens naming an unknown key id cause no new fetch for this long. */
  readonly keysRefreshCooldownMs?: number;
  /** The clients (`azp`) whose tokens are accepted; the portal only, by default. */
  readonly authorizedParties?: readonly string[];
}

/**
 * Verifies a Keycloak access token once, against the realm's published keys (ADR 0029, which replaced
 * keycloak-connect here). A token is accepted only if all of these hold:
 * - it is a compact JWS signed with RS256 by a key of the realm's JWKS (`/protocol/openid-connect/certs`,
 *   by `kid`; never a pinned key), the signature checked before any claim is read (rs256-jws.ts);
 * - `iss` is `<authServerUrl>/realms/<realm>`, `aud` contains clientId, `exp` is present and not past
 *   (no clock tolerance), `nbf` if present has passed, `typ` is `Bearer` (not an ID or refresh token);
 * - `azp` is one of the authorized parties (else 403 FORBIDDEN_CLIENT: the token is genuine);
 * - the identity claims have the formats Relais needs (callerFromClaims).
 * Any other failure is a 401 that never says why; keys that cannot be fetched in time are a 503.
 */
export function createJwksTokenVerifier(options: JwksTokenVerifierOptions): TokenVerifier {
  const issuer = `${options.authServerUrl.replace(/\/+$/, '')}/realms/${options.realm}`;
  const keysTimeoutMs = options.keysTimeoutMs ?? 5000;
  const keys = createRealmKeyCache({
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    refreshCooldownMs: options.keysRefreshCooldownMs ?? 30_000,
    fetchTimeoutMs: keysTimeoutMs,
  });
  const authorizedParties = new Set(options.authorizedParties ?? DEFAULT_AUTHORIZED_PARTIES);
  // A known key needs no timer: only a fetch can keep a request waiting.
  const keyFor = (kid: string | undefined) =>
    keys.known(kid) ?? withTimeout(keys.keyFor(kid), keysTimeoutMs, () => new KeysTimeout());

  return {
    async verify(bearerToken: string): Promise<Caller> {
      let payload: Record<string, unknown>;
      try {
        payload = await verifiedRs256Payload(bearerToken, keyFor);
        checkAccessTokenClaims(payload, issuer, options.clientId);
      } catch (error) {
        throw classifyRejection(error);
      }
      const azp = payload['azp'];
      if (typeof azp !== 'string' || !authorizedParties.has(azp)) {
        throw forbiddenClient(
          'This route serves people signed in through the Relais portal; tokens issued to other clients, ' +
            'such as service accounts, are refused. Sign in through the portal.',
        );
      }
      return callerFromClaims(payload);
    },
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The claims that say whether this token is meant for this service now; throws RefusedToken. */
function checkAccessTokenClaims(payload: Record<string, unknown>, issuer: string, audience: string): void {
  // Date.now, the clock every other check of Relais reads (and tests can move).
  const now = Date.now() / 1000;
  if (payload['iss'] !== issuer) throw new RefusedToken('another issuer');
  const aud = payload['aud'];
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(audience)) throw new RefusedToken('not meant for this service');
  const { exp, nbf, iat } = payload;
  if (!isNumber(exp)) throw new RefusedToken('no expiry');
  if (exp <= now) throw new RefusedToken('expired');
  if (nbf !== undefined && (!isNumber(nbf) || nbf > now)) throw new RefusedToken('not valid yet');
  if (iat !== undefined && !isNumber(iat)) throw new RefusedToken('the issue time is not a number');
  // An ID or refresh token of the same realm is signed by the same key: only `typ` tells them apart.
  if (payload['typ'] !== 'Bearer') throw new RefusedToken('not an access token');
}

class KeysTimeout extends Error {}

function classifyRejection(error: unknown): Problem {
  if (isProblem(error)) return error;
  if (error instanceof KeysTimeout) {
    return identityProviderUnavailable('The identity provider did not answer in time; try again shortly.');
  }
  if (error instanceof RealmKeysUnreachable) {
    return identityProviderUnavailable(
      'The signing keys of the identity provider cannot be fetched; try again shortly.',
    );
  }
  return invalidToken(
    'The access token is invalid, expired or not meant for this service; obtain a new one.',
  );
}
