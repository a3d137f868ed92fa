import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface RealmKeyCacheOptions {
  /** The realm's JWKS, e.g. http://localhost:8080/realms/relais/protocol/openid-connect/certs. */
  readonly jwksUrl: string;
  /** After a successful refresh, an unknown key id causes no other refresh for this long. */
  readonly refreshCooldownMs: number;
  /** A fetch of the key set that takes longer is abandoned (and counts as the provider unreachable). */
  readonly fetchTimeoutMs: number;
  readonly now?: () => number;
}

/** The public key for a key id, or a rejection: RealmKeysUnreachable, or UnknownSigningKey. */
export interface RealmKeyCache {
  /** The key if it is already known, without waiting. */
  known(kid: string | undefined): KeyObject | undefined;
  keyFor(kid: string | undefined): Promise<KeyObject>;
}

interface JwksDocument {
  keys?: (JsonWebKey & { kid?: string; use?: string })[];
}

/** The realm's key set could not be fetched: the identity provider's fault, not the caller's (503). */
export class RealmKeysUnreachable extends Error {
  override readonly name = 'RealmKeysUnreachable';
}

/** The token names a key the realm does not publish (401). */
export class UnknownSigningKey extends Error {
  override readonly name = 'UnknownSigningKey';
  constructor() {
    super('the token names a signing key the realm does not publish');
  }
}

/**
 * The realm's signing keys, fetched when a token names a key id not yet known: at most one fetch at a time
 * (concurrent tokens share it) and, once a fetch succeeded, none for unknown key ids until the cooldown has
 * passed, so forged tokens with random key ids cost the identity provider nothing. A failed fetch starts no
 * cooldown, so the verifier recovers as soon as the provider answers again. No key is ever pinned.
 */
export function createRealmKeyCache(options: RealmKeyCacheOptions): RealmKeyCache {
  const now = options.now ?? (() => Date.now());
  let keys = new Map<string, KeyObject>();
  let lastRefreshAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  async function fetchKeys(): Promise<void> {
    let document: JwksDocument;
    try {
      const response = await fetch(options.jwksUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.fetchTimeoutMs),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = (await response.json()) as JwksDocument;
    } catch (error) {
      const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
      throw new RealmKeysUnreachable(`the realm's keys could not be fetched${cause ? ` (${cause})` : ''}`, {
        cause: error,
      });
    }
    const fetched = new Map<string, KeyObject>();
    for (const jwk of document.keys ?? []) {
      if (jwk.kty !== 'RSA' || !jwk.kid || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        fetched.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
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

  return {
    known: (kid) => (kid ? keys.get(kid) : undefined),
    async keyFor(kid) {
      if (!kid) throw new UnknownSigningKey();
      const known = keys.get(kid);
      if (known) return known;
      if (inFlight) {
        await inFlight;
      } else if (now() - lastRefreshAt >= options.refreshCooldownMs) {
        await refresh();
      }
      const refreshed = keys.get(kid);
      if (!refreshed) throw new UnknownSigningKey();
      return refreshed;
    },
  };
}
