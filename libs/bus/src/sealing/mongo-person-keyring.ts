import { randomBytes } from 'node:crypto';
import type { mongo } from 'mongoose';
import {
  assertExpectedService,
  type ErasureProgress,
  type PersonKey,
  type PersonKeyring,
  type PersonKeyState,
} from './person-keyring';

interface KeyDocument {
  _id: string;
  /** base64 of 32 random bytes. */
  secret: string;
  state: PersonKeyState;
  acknowledgedBy: string[];
  createdAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * The keyring every service shares, in its own database (`relais-keyring`, docs/design.md §7): one
 * document per person key. Each operation is one single-document update, so concurrent publishers
 * and acknowledging services need no transaction.
 */
export class MongoPersonKeyring implements PersonKeyring {
  constructor(
    private readonly keys: mongo.Collection<KeyDocument>,
    readonly erasedBy: readonly string[],
  ) {}

  /** The collection on a connection: `person_keys` of the database given (shared by every service). */
  static on(db: { collection(name: string): mongo.Collection<mongo.Document> }, erasedBy: readonly string[]) {
    return new MongoPersonKeyring(
      db.collection('person_keys') as unknown as mongo.Collection<KeyDocument>,
      erasedBy,
    );
  }

  async keysForSealing(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>> {
    const found = await this.existingKeys(keyIds);
    const missing = [...new Set(keyIds)].filter((keyId) => !found.has(keyId));
    if (missing.length === 0) return found;
    try {
      await this.keys.bulkWrite(
        missing.map((keyId) => ({
          updateOne: {
            filter: { _id: keyId },
            update: { $setOnInsert: freshKey() },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    } catch (error) {
      // Two publishers making the same key at once: one insert wins, the other reads it below.
      if (!isOnlyDuplicateKeys(error)) throw error;
    }
    return this.existingKeys(keyIds);
  }

  async existingKeys(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>> {
    const found = new Map<string, PersonKey>();
    if (keyIds.length === 0) return found;
    for (const document of await this.keys.find({ _id: { $in: [...new Set(keyIds)] } }).toArray()) {
      found.set(document._id, {
        keyId: document._id,
        secret: Buffer.from(document.secret, 'base64'),
        state: document.state,
      });
    }
    return found;
  }

  async beginErasure(keyId: string): Promise<void> {
    const { state: _state, ...rest } = freshKey();
    try {
      await this.keys.updateOne(
        { _id: keyId },
        { $set: { state: 'erasing' }, $setOnInsert: rest },
        { upsert: true },
      );
    } catch (error) {
      // Made by a publisher at the same moment: mark the one that exists.
      if (!isOnlyDuplicateKeys(error)) throw error;
      await this.keys.updateOne({ _id: keyId }, { $set: { state: 'erasing' } });
    }
  }

  async acknowledgeErasure(keyId: string, service: string): Promise<'pending' | 'destroyed' | 'not-erasing'> {
    assertExpectedService(this.erasedBy, service);
    const acknowledged = await this.keys.findOneAndUpdate(
      { _id: keyId, state: 'erasing' },
      { $addToSet: { acknowledgedBy: service } },
      { returnDocument: 'after' },
    );
    if (!acknowledged) return 'not-erasing';
    if (!this.erasedBy.every((name) => acknowledged.acknowledgedBy.includes(name))) return 'pending';
    // Whichever service acknowledges last destroys it; two at once both delete, one counts it.
    await this.keys.deleteOne({ _id: keyId, state: 'erasing' });
    return 'destroyed';
  }

  async erasureProgress(keyIds: readonly string[]): Promise<ReadonlyMap<string, ErasureProgress>> {
    const erasing = new Map<string, string[]>();
    if (keyIds.length > 0) {
      const documents = await this.keys
        .find({ _id: { $in: [...new Set(keyIds)] }, state: 'erasing' })
        .project<Pick<KeyDocument, '_id' | 'acknowledgedBy'>>({ acknowledgedBy: 1 })
        .toArray();
      for (const document of documents) erasing.set(document._id, document.acknowledgedBy);
    }
    return new Map(
      keyIds.map((keyId) => {
        const acknowledgedBy = erasing.get(keyId);
        return [
          keyId,
          acknowledgedBy
            ? { state: 'pending', acknowledgedBy }
            : { state: 'done', acknowledgedBy: [...this.erasedBy] },
        ];
      }),
    );
  }
}

function freshKey(): Omit<KeyDocument, '_id'> {
  return {
    secret: randomBytes(32).toString('base64'),
    state: 'active',
    acknowledgedBy: [],
    createdAt: new Date(),
  };
}

function isOnlyDuplicateKeys(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((writeError: { code?: unknown }) => writeError.code === DUPLICATE_KEY);
  }
  return code === DUPLICATE_KEY;
}
