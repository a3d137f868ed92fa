import mongoose, { Schema, type Connection, type Model, type SchemaDefinitionProperty } from 'mongoose';
import { MongoOutboxStore, type OutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import { closedSchemaOptions } from '@relais/store';
import type { ErasureRequestRecord, ErasureRequestStore } from '../../application/erasure-requests';

interface ErasureRequestDocument extends Omit<ErasureRequestRecord, 'erasureId'> {
  _id: string;
  outbox: PendingEvent[];
}

const erasureRequestSchema = new Schema<ErasureRequestDocument>(
  {
    _id: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    source: { type: String, required: true, enum: ['administrator', 'identity-provider'] },
    requestedBy: { type: String, default: null },
    reason: { type: String, required: true },
    personKeyId: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
  },
  { collection: 'erasure_requests', ...closedSchemaOptions },
);
erasureRequestSchema.index({ requestedAt: -1 });
erasureRequestSchema.index({ requestedBy: 1 });

export function erasureRequestModel(connection: Connection): Model<ErasureRequestDocument> {
  return (
    connection.models['ErasureRequest'] ??
    connection.model<ErasureRequestDocument>('ErasureRequest', erasureRequestSchema)
  );
}

const listed = { requestedAt: 1, source: 1, requestedBy: 1, reason: 1, personKeyId: 1 } as const;

/** The audit records of erasures (ADR 0033), each with its event in the same document (ADR 0002). */
export class MongoErasureRequestStore implements ErasureRequestStore {
  constructor(private readonly model: Model<ErasureRequestDocument>) {}

  async add(record: ErasureRequestRecord, event: PendingEvent): Promise<void> {
    const { erasureId, ...rest } = record;
    await this.model.collection.insertOne({ _id: erasureId, ...rest, outbox: [event] } as never);
  }

  async latest(limit: number): Promise<ErasureRequestRecord[]> {
    const documents = await this.model.find({}, listed).sort({ requestedAt: -1 }).limit(limit).lean();
    return documents.map(recordOf);
  }

  async madeBy(userId: string): Promise<ErasureRequestRecord[]> {
    return (await this.model.find({ requestedBy: userId }, listed).sort({ requestedAt: -1 }).lean()).map(
      recordOf,
    );
  }

  async forgetRequester(userId: string): Promise<number> {
    return (await this.model.updateMany({ requestedBy: userId }, { $set: { requestedBy: null } }))
      .modifiedCount;
  }

  async deleteRequestedBefore(cutoff: Date): Promise<number> {
    // The connection sanitises filters (libs/store): an operator written here is marked as ours.
    return (await this.model.deleteMany({ requestedAt: mongoose.trusted({ $lt: cutoff }) })).deletedCount;
  }
}

function recordOf(document: Omit<ErasureRequestDocument, 'outbox'>): ErasureRequestRecord {
  return {
    erasureId: document._id,
    requestedAt: document.requestedAt,
    source: document.source,
    requestedBy: document.requestedBy ?? null,
    reason: document.reason,
    personKeyId: document.personKeyId,
  };
}

export function mongoErasureRequestStores(connection: Connection): {
  requests: ErasureRequestStore;
  outbox: OutboxStore;
} {
  const model = erasureRequestModel(connection);
  return { requests: new MongoErasureRequestStore(model), outbox: new MongoOutboxStore(model) };
}
