import { randomBytes, randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import {
  assertExpectedService,
  type ErasureProgress,
  type PersonKey,
  type PersonKeyring,
  type PersonKeyState,
} from './person-keyring';

/** A live key; once destroyed, a tombstone with its id, `state: 'erased'` and `erasedAt` only. */
interface KeyDocument {
  _id: string;
  /** base64 of 32 random bytes; absent from a tombstone. */
  secret?: string;
  state: PersonKeyState | 'erased';
  /** A key's life: acknowledgements count for the key they were given to, never for a later one. */
  generation?: string;
  createdAt?: Date;
  erasedAt?: Date;
}

const LIVE: PersonKeyState[] = ['active', 'erasing'];

/** One service's acknowledgement of one key's erasure: its own document, written by it alone. */
interface AcknowledgementDocument {
  _id: string;
  keyId: string;
  generation: string;
  service: string;
}

const DUPLICATE_KEY = 11000;

/**
 * The keyring every service shares, in its own database (`relais-keyring`, docs/design.md §7): one
 * document per person key (a tombstone once destroyed), and one per service's acknowledgement of an
 * erasure. Every write is an
 * insert or a single-document update, so concurrent publishers and acknowledging services need no
 * transaction; the acknowledgements are documents of their own rather than a list each service adds
 * to, because the four services acknowledge within the same milliseconds and a MongoDB-compatible
 * server need not apply concurrent updates of one document atomically (FerretDB loses some).
 */
export class MongoPersonKeyring implements PersonKeyring {
  constructor(
    private readonly keys: mongo.Collection<KeyDocument>,
    private readonly acknowledgements: mongo.Collection<AcknowledgementDocument>,
    readonly erasedBy: readonly string[],
  ) {}

  /** The collections on a connection: `person_keys` and `erasure_acknowledgements` of the database given. */
  static on(db: { collection(name: string): mongo.Collection<mongo.Document> }, erasedBy: readonly string[]) {
    return new MongoPersonKeyring(
      db.collection('person_keys') as unknown as mongo.Collection<KeyDocument>,
      db.collection('erasure_acknowledgements') as unknown as mongo.Collection<AcknowledgementDocument>,
      erasedBy,
    );
  }

  async keysForSealing(keyIds: readonly string[]): Promise<ReadonlyMap<string, PersonKey>> {
    const found = await this.existingKeys(keyIds);
    const missing = [...new Set(keyIds)].filter((keyId) => !found.has(keyId));
    if (missing.length === 0) return found;
    try {
      // A new key where there is none, or only a tombstone: the new life of an erased account.
      await this.keys.bulkWrite(
        missing.map((keyId) => ({
          updateOne: { filter: { _id: keyId, state: 'erased' }, update: { $set: freshKey() }, upsert: true },
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
    const documents = await this.keys
      .find({ _id: { $in: [...new Set(keyIds)] }, state: { $in: LIVE } })
      .toArray();
    for (const document of documents) {
      if (document.secret === undefined || document.state === 'erased') continue;
      found.set(document._id, {
        keyId: document._id,
        secret: Buffer.from(document.secret, 'base64'),
        state: document.state,
      });
    }
    return found;
  }

  async beginErasure(keyId: string): Promise<void> {
    try {
      // Absent, or a tombstone (erased before): a key to seal the erasure event with, erasing at once.
      await this.keys.updateOne(
        { _id: keyId, state: 'erased' },
        { $set: { ...freshKey(), state: 'erasing' } },
        { upsert: true },
      );
    } catch (error) {
      // A live key: mark it.
      if (!isOnlyDuplicateKeys(error)) throw error;
      await this.keys.updateOne({ _id: keyId }, { $set: { state: 'erasing' } });
    }
  }

  async acknowledgeErasure(keyId: string, service: string): Promise<'pending' | 'destroyed' | 'not-erasing'> {
    assertExpectedService(this.erasedBy, service);
    const key = await this.keys.findOne({ _id: keyId, state: 'erasing' }, { projection: { generation: 1 } });
    if (!key) return 'not-erasing';
    const generation = key.generation ?? '';
    try {
      await this.acknowledgements.insertOne({
        _id: `${keyId}|${generation}|${service}`,
        keyId,
        generation,
        service,
      });
    } catch (error) {
      // Acknowledged before (a redelivered erasure event): the same acknowledgement.
      if (!isOnlyDuplicateKeys(error)) throw error;
    }
    const acknowledgedBy = await this.acknowledgedBy(keyId, generation);
    if (!this.erasedBy.every((name) => acknowledgedBy.includes(name))) return 'pending';
    // Whoever sees every acknowledgement destroys the key; two at once both do, harmlessly.
    await this.keys.updateOne(
      { _id: keyId, state: 'erasing', generation },
      {
        $set: { state: 'erased', erasedAt: new Date() },
        $unset: { secret: '', generation: '', createdAt: '' },
      },
    );
    await this.acknowledgements.deleteMany({ keyId, generation });
    return 'destroyed';
  }

  async erasedOrErasing(keyIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (keyIds.length === 0) return new Set();
    const documents = await this.keys
      .find({ _id: { $in: [...new Set(keyIds)] }, state: { $in: ['erasing', 'erased'] } })
      .project<Pick<KeyDocument, '_id'>>({ _id: 1 })
      .toArray();
    return new Set(documents.map((document) => document._id));
  }

  async erasureProgress(keyIds: readonly string[]): Promise<ReadonlyMap<string, ErasureProgress>> {
    const erasing = new Map<string, string[]>();
    if (keyIds.length > 0) {
      const documents = await this.keys
        .find({ _id: { $in: [...new Set(keyIds)] }, state: 'erasing' })
        .project<Pick<KeyDocument, '_id' | 'generation'>>({ generation: 1 })
        .toArray();
      for (const document of documents) {
        erasing.set(document._id, await this.acknowledgedBy(document._id, document.generation ?? ''));
      }
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

  /** In the registry's order, whatever order they came in. */
  private async acknowledgedBy(keyId: string, generation: string): Promise<string[]> {
    const documents = await this.acknowledgements.find({ keyId, generation }).toArray();
    const services = new Set(documents.map((document) => document.service));
    return this.erasedBy.filter((name) => services.has(name));
  }
}

function freshKey(): Required<Pick<KeyDocument, 'secret' | 'state' | 'generation' | 'createdAt'>> {
  return {
    secret: randomBytes(32).toString('base64'),
    state: 'active',
    generation: randomUUID(),
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
