import type { mongo } from 'mongoose';
import { MongoOutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';

/**
 * Writes the services accepted: each an aggregate document holding its fact in its outbox, written in
 * one insert as enrollment and feedback do (docs/design.md §4). A relay publishes them from there.
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
