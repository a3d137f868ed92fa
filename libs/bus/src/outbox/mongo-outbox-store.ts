import type { mongo } from 'mongoose';
import type { OutboxStoreOptions } from './in-memory-outbox-store';
import {
  pendingSince,
  type ClaimedDocument,
  type OutboxBacklog,
  type OutboxLease,
  type OutboxStore,
  type PendingEvent,
} from './outbox-store';

interface OutboxDocument {
  _id: unknown;
  outbox: PendingEvent[];
}

/** One lease generation of one aggregate; only the relay that inserted it ever writes it again. */
interface LeaseRecord {
  _id: string;
  documentId: string;
  generation: number;
  owner: string;
  until: Date;
}

interface CollectionFactory {
  collection(name: string): mongo.Collection<mongo.Document>;
}

/**
 * Aggregates' collection: a native driver collection, a mongoose collection (`connection.collection`)
 * or a mongoose model. Leases go in a sibling collection of the same database.
 */
export type OutboxCollectionSource = mongo.Collection<mongo.Document> | MongooseModelLike;

interface MongooseModelLike {
  readonly modelName: string;
  readonly collection: mongo.Collection<mongo.Document>;
  readonly db: CollectionFactory;
}

/** Models are constructor functions; mongoose collections also carry a `modelName` key, so test the type. */
function isModel(source: OutboxCollectionSource): source is MongooseModelLike {
  return typeof source === 'function';
}

function resolveCollections(source: OutboxCollectionSource, leaseCollectionName: string | undefined) {
  const documents = isModel(source) ? source.collection : source;
  const mongooseConnection = (documents as { conn?: CollectionFactory }).conn;
  const database: CollectionFactory = isModel(source) ? source.db : (mongooseConnection ?? source.db);
  const leases = database.collection(leaseCollectionName ?? `${documents.collectionName}_outbox_leases`);
  return {
    documents: documents as unknown as mongo.Collection<OutboxDocument>,
    leases: leases as unknown as mongo.Collection<LeaseRecord>,
  };
}

export interface MongoOutboxStoreOptions extends OutboxStoreOptions {
  /** Where leases live (default `<collection>_outbox_leases`, in the same database). */
  leaseCollectionName?: string;
  /** Documents with pending events examined per claimed slot (default 4): room for other relays' leases. */
  scanFactor?: number;
}

const HAS_PENDING_EVENTS = { 'outbox.0': { $exists: true } };
const DUPLICATE_KEY = 11000;
const RELEASED = new Date(0);

const leaseId = (documentId: string, generation: number): string =>
  `${documentId}#${String(generation).padStart(12, '0')}`;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

/**
 * The outbox over a MongoDB (or FerretDB) collection of aggregates.
 *
 * Why leases are not a field of the aggregate, claimed with findOneAndUpdate: FerretDB 1.x evaluates
 * update filters in its own process and then rewrites the whole document, so two relays racing on
 * findOneAndUpdate both "win" (FerretDB issue 2168). The one write FerretDB and MongoDB both make
 * atomic is an insert against the unique `_id` index. A lease is therefore a record
 * `<documentId>#<generation>` in a companion collection: taking a free or expired lease means
 * inserting the next generation, and of two relays racing for it exactly one insert succeeds. Each
 * generation is written again only by its own holder (to release it), so no update ever races.
 *
 * acknowledge() pulls the exact stored values with `$pullAll`: `$pull` with a condition silently
 * removes nothing on FerretDB, and events never change once appended, so value equality is identity.
 */
export class MongoOutboxStore implements OutboxStore {
  private readonly documents: mongo.Collection<OutboxDocument>;
  private readonly leases: mongo.Collection<LeaseRecord>;
  private readonly now: () => Date;
  private readonly scanFactor: number;
  /** documentId → stored `_id` (ObjectId, uuid string…) and lease generation, from claim to acknowledge. */
  private readonly held = new Map<string, { storedId: unknown; leaseId: string }>();

  constructor(source: OutboxCollectionSource, options: MongoOutboxStoreOptions = {}) {
    const { documents, leases } = resolveCollections(source, options.leaseCollectionName);
    this.documents = documents;
    this.leases = leases;
    this.now = options.now ?? (() => new Date());
    this.scanFactor = options.scanFactor ?? 4;
  }

  async claim(owner: string, leaseMs: number, limit: number): Promise<ClaimedDocument[]> {
    const candidates = await this.documents
      .find(HAS_PENDING_EVENTS, { projection: { _id: 1 } })
      .limit(limit * this.scanFactor)
      .toArray();
    const claimed: ClaimedDocument[] = [];
    for (const candidate of candidates) {
      if (claimed.length >= limit) break;
      const documentId = String(candidate._id);
      const lease = await this.acquire(documentId, owner, leaseMs);
      if (!lease) continue;
      const document = await this.documents.findOne({ _id: candidate._id }, { projection: { outbox: 1 } });
      this.held.set(documentId, { storedId: candidate._id, leaseId: lease });
      if (!document || document.outbox.length === 0) {
        await this.acknowledge(documentId, owner, []); // published by someone else meanwhile
        continue;
      }
      claimed.push({ documentId, events: document.outbox });
    }
    return claimed;
  }

  async acknowledge(documentId: string, owner: string, publishedEventIds: readonly string[]): Promise<void> {
    const held = this.held.get(documentId);
    this.held.delete(documentId);
    const storedId = held?.storedId ?? documentId;
    if (publishedEventIds.length > 0) {
      const document = await this.documents.findOne({ _id: storedId }, { projection: { outbox: 1 } });
      const published = new Set(publishedEventIds);
      const toPull = document?.outbox.filter((event) => published.has(event.envelope.id)) ?? [];
      if (toPull.length > 0)
        await this.documents.updateOne({ _id: storedId }, { $pullAll: { outbox: toPull } });
    }
    const current = held?.leaseId ?? (await this.latestLease(documentId))?._id;
    if (current) await this.leases.updateOne({ _id: current, owner }, { $set: { until: RELEASED } });
  }

  async backlog(): Promise<OutboxBacklog> {
    // FerretDB has no $min accumulator; the backlog is small when the relay keeps up, so fold it here.
    const documents = this.documents.find(HAS_PENDING_EVENTS, {
      projection: { 'outbox.envelope.occurredAt': 1, 'outbox.storedAt': 1 },
    });
    let pending = 0;
    let oldest: string | undefined;
    for await (const document of documents) {
      for (const event of document.outbox) {
        pending += 1;
        const occurredAt = pendingSince(event);
        if (oldest === undefined || Date.parse(occurredAt) < Date.parse(oldest)) oldest = occurredAt;
      }
    }
    return oldest === undefined ? { pending } : { pending, oldestOccurredAt: oldest };
  }

  /** The live lease of a document, if any (for diagnostics and tests). */
  async leaseOf(documentId: string): Promise<OutboxLease | undefined> {
    const latest = await this.latestLease(documentId);
    if (!latest || latest.until.getTime() <= RELEASED.getTime()) return undefined;
    return { owner: latest.owner, until: latest.until };
  }

  /** Inserts the next lease generation if the current one is free; returns its id, or nothing if taken. */
  private async acquire(documentId: string, owner: string, leaseMs: number): Promise<string | undefined> {
    const now = this.now();
    const latest = await this.latestLease(documentId);
    if (latest && latest.until > now) return undefined;
    const generation = (latest?.generation ?? 0) + 1;
    const id = leaseId(documentId, generation);
    try {
      await this.leases.insertOne({
        _id: id,
        documentId,
        generation,
        owner,
        until: new Date(now.getTime() + leaseMs),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
    // A relay that stalled between reading generation n-1 and inserting n can succeed after the holder
    // of n+1 cleaned n up: whoever is not the latest generation right after inserting has lost.
    if ((await this.latestLease(documentId))?._id !== id) return undefined;
    await this.leases.deleteMany({ documentId, generation: { $lt: generation } });
    return id;
  }

  private latestLease(documentId: string): Promise<LeaseRecord | null> {
    return this.leases.findOne(
      { _id: { $gte: leaseId(documentId, 0), $lte: leaseId(documentId, 999_999_999_999) }, documentId },
      { sort: { _id: -1 } },
    );
  }
}
