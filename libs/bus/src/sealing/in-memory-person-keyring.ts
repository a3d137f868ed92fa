import { randomBytes } from 'node:crypto';
import {
  assertExpectedService,
  type ErasureProgress,
  type PersonKey,
  type PersonKeyring,
} from './person-keyring';

interface StoredKey extends PersonKey {
  acknowledgedBy: string[];
}

/** The keyring of one process (standalone, fast tests): the same contract as the MongoDB one. */
export class InMemoryPersonKeyring implements PersonKeyring {
  private readonly keys = new Map<string, StoredKey>();
  /** Key ids of people erased: tombstones, holding nothing else. */
  private readonly erased = new Set<string>();

  constructor(readonly erasedBy: readonly string[]) {}

  async keysForSealing(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>> {
    for (const keyId of keyIds) {
      if (this.keys.has(keyId)) continue;
      this.erased.delete(keyId);
      this.keys.set(keyId, newKey(keyId));
    }
    return this.existingKeys(keyIds);
  }

  async existingKeys(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>> {
    const found = new Map<string, PersonKey>();
    for (const keyId of keyIds) {
      const key = this.keys.get(keyId);
      if (key) found.set(keyId, { keyId, secret: key.secret, state: key.state });
    }
    return found;
  }

  async beginErasure(keyId: string): Promise<void> {
    const key = this.keys.get(keyId) ?? newKey(keyId);
    this.erased.delete(keyId);
    this.keys.set(keyId, { ...key, state: 'erasing' });
  }

  async acknowledgeErasure(keyId: string, service: string): Promise<'pending' | 'destroyed' | 'not-erasing'> {
    assertExpectedService(this.erasedBy, service);
    const key = this.keys.get(keyId);
    if (key?.state !== 'erasing') return 'not-erasing';
    const acknowledgedBy = key.acknowledgedBy.includes(service)
      ? key.acknowledgedBy
      : [...key.acknowledgedBy, service];
    if (this.erasedBy.every((name) => acknowledgedBy.includes(name))) {
      this.keys.delete(keyId);
      this.erased.add(keyId);
      return 'destroyed';
    }
    this.keys.set(keyId, { ...key, acknowledgedBy });
    return 'pending';
  }

  async erasedOrErasing(keyIds: readonly string[]): Promise<ReadonlySet<string>> {
    return new Set(
      keyIds.filter((keyId) => this.erased.has(keyId) || this.keys.get(keyId)?.state === 'erasing'),
    );
  }

  async erasureProgress(keyIds: readonly string[]): Promise<ReadonlyMap<string, ErasureProgress>> {
    return new Map(
      keyIds.map((keyId) => {
        const key = this.keys.get(keyId);
        return [
          keyId,
          key?.state === 'erasing'
            ? { state: 'pending', acknowledgedBy: [...key.acknowledgedBy] }
            : { state: 'done', acknowledgedBy: [...this.erasedBy] },
        ];
      }),
    );
  }
}

function newKey(keyId: string): StoredKey {
  return { keyId, secret: randomBytes(32), state: 'active', acknowledgedBy: [] };
}
