/**
 * The per-person keys that seal the places of events naming a person (ADR 0033). A key is `active`
 * from the first event about the person until an erasure begins; then `erasing` until every service
 * that holds people (`erasedBy`) has acknowledged forgetting him, at which point it is destroyed and
 * every sealed copy of him, on every topic and dead-letter topic, becomes unreadable. What stays is a
 * tombstone, the key id alone: so that a service meeting a copy of him that is not sealed under his
 * key (an item's author sealed for notifications alone, ADR 0030) can tell he was erased. A later event
 * about the same id starts a new life with a new key.
 *
 * Keys are found by key id (`personKeyIdOf`), never by the person's id, which the keyring never holds.
 */
export type PersonKeyState = 'active' | 'erasing';

export interface PersonKey {
  readonly keyId: string;
  /** 32 random bytes: AES-256-GCM. */
  readonly secret: Buffer;
  readonly state: PersonKeyState;
}

export interface ErasureProgress {
  /** `done` once the key is gone (or a new one was made since, for a new life of the account). */
  readonly state: 'pending' | 'done';
  readonly acknowledgedBy: readonly string[];
}

export interface PersonKeyring {
  /** The services that must acknowledge an erasure before its key is destroyed, in registry order. */
  readonly erasedBy: readonly string[];
  /** The keys of these ids, made (active) for those that have none: what a publisher seals with. */
  keysForSealing(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>>;
  /** The keys that exist, whatever their state: what a consumer opens with. */
  existingKeys(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>>;
  /** Marks the key `erasing`, making it if absent (the erasure event is sealed with it). Idempotent. */
  beginErasure(keyId: string): Promise<void>;
  /**
   * Records that `service` forgot the person; destroys the key when the last of `erasedBy` has. A key
   * that is not erasing (destroyed already, or active again) is left alone.
   */
  acknowledgeErasure(keyId: string, service: string): Promise<'pending' | 'destroyed' | 'not-erasing'>;
  erasureProgress(keyIds: readonly string[]): Promise<ReadonlyMap<string, ErasureProgress>>;
  /** Those of the ids whose person is being erased, or was and has not come back. */
  erasedOrErasing(keyIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Where an unknown service name would leave a key erasing forever: refuse it at once. */
export function assertExpectedService(erasedBy: readonly string[], service: string): void {
  if (!erasedBy.includes(service)) {
    throw new Error(
      `${service} is not among the services that acknowledge erasures (${erasedBy.join(', ')})`,
    );
  }
}
