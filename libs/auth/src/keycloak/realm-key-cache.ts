import { createPublicKey, type JsonWebKey } from 'node:crypto';

export interface RealmKeyCacheOptions {
  /** The realm's JWKS, e.g. http://localhost:8080/realms/relais/protocol/openid-connect/certs. */
  readonly jwksUrl: string;
  /** After a successful refresh, an unknown key id causes no other refresh for this long. */
  readonly refreshCooldownMs: number;
  readonly now?: () => number;
}

/**
 * What keycloak-connect's GrantManager asks of its `rotation` (26.1.1): the PEM public key for a key id,
 * or a rejection. Its own Rotation fetches the JWKS once per token carrying an unknown `kid` while a fetch is
 * in flight (its cooldown only starts when a fetch completes), so forged tokens with random key ids cost the
 * identity provider one request each.
 */
export interface RealmKeyCache {
  getJWK(kid: string | undefined): Promise<string>;
}

interface JwksDocument {
  keys?: (JsonWebKey & { kid?: string; use?: string })[];
}

/** Keycloak-connect reports key failures by message; this one is classified as "keys unreachable" (503). */
export const JWKS_FETCH_FAILED = 'Error fetching JWK Keys';

/**
 * The realm's signing keys, fetched when a token names a key id not yet known: at most one fetch at a time
 * (concurrent tokens share it) and, once a fetch succeeded, none for unknown key ids until the cooldown has
 * passed. A failed fetch starts no cooldown, so the verifier recovers as soon as the provider answers again.
 */
export function createRealmKeyCache(options: RealmKeyCacheOptions): RealmKeyCache {
  const now = options.now ?? (() => Date.now());
  let keys = new Map<string, string>();
  let lastRefreshAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  async function fetchKeys(): Promise<void> {
    let document: JwksDocument;
    try {
      const response = await fetch(options.jwksUrl, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = (await response.json()) as JwksDocument;
    } catch (error) {
      const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
      throw new Error(`${JWKS_FETCH_FAILED}${cause ? ` (${cause})` : ''}`, { cause: error });
    }
    const fetched = new Map<string, string>();
    for (const jwk of document.keys ?? []) {
      if (jwk.kty !== 'RSA' || !jwk.kid || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        fetched.set(
          jwk.kid,
          createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string,
        );
      } catch {
        // A malformed key in the set cannot verify anything; the others still can.
      }
    }
    keys = fetched;
    lastRefreshAt = now();
  }

  function refresh(): Promise<void> {
    inFlight ??= fetchKeys().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  const unknownKey = () => new Error('the token names a signing key the realm does not publish');

  return {
    async getJWK(kid) {
      if (!kid) throw unknownKey();
      const known = keys.get(kid);
      if (known) return known;
      if (inFlight) {
        await inFlight;
      } else if (now() - lastRefreshAt >= options.refreshCooldownMs) {
        await refresh();
      }
      const refreshed = keys.get(kid);
      if (!refreshed) throw unknownKey();
      return refreshed;
    },
  };
}
