import type { mongo } from 'mongoose';
import { MongoOutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import type { MongoTallyStore } from '../../../src/index';

export const ENROLLED_IN_LYON = 'teachers|enrolled|academy|month|lyon';

/**
 * Writes the services accepted: each an aggregate document holding its fact in its outbox, written in
 * one insert as enrollment and feedback do (DESIGN §4). A relay publishes them from there.
 */
export class AcceptedWrites {
  private readonly collection: mongo.Collection<mongo.Document>;

  constructor(database: { collection(name: string): mongo.Collection<mongo.Document> }, name: string) {
    this.collection = database.collection(name);
  }

  outboxStore(): MongoOutboxStore {
    return new MongoOutboxStore(this.collection);
  }

  async accept(fact: PendingEvent): Promise<void> {
    await this.collection.insertOne({ _id: fact.envelope.id as never, outbox: [fact] });
  }

  async acceptAll(facts: readonly PendingEvent[]): Promise<void> {
    await this.collection.insertMany(
      facts.map((fact) => ({ _id: fact.envelope.id as never, outbox: [fact] })),
    );
  }

  /** Facts accepted but not yet published and acknowledged. */
  async pending(): Promise<number> {
    return this.collection.countDocuments({ 'outbox.0': { $exists: true } });
  }
}

/** Lyon's November enrolments as the tally store counts them, over every partition. */
export async function enrolledInLyon(store: MongoTallyStore, topic: string): Promise<number> {
  return (await store.shards(0, topic, ['2026-11'])).reduce(
    (sum, shard) => sum + (shard.counters.get(ENROLLED_IN_LYON) ?? 0),
    0,
  );
}
