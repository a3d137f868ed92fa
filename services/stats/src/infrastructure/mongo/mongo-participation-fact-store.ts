import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { ParticipationFact } from '../../domain/enrollment-table';
import type { ParticipationFactStore } from '../../application/ports';

/** Only what a fact carries: no person id, pseudonym, name, school or free text (L11). */
type ParticipationFactRecord = ParticipationFact & { _id: string };

const cellSchema = new Schema(
  {
    dimension: { type: String, enum: ['academy', 'theme'], required: true },
    value: { type: String, required: true },
    period: { type: String, enum: ['month', 'quarter'], required: true },
  },
  { _id: false, ...closedSchemaOptions },
);

const factSchema = new Schema<ParticipationFactRecord>(
  {
    _id: { type: String, required: true },
    month: { type: String, required: true },
    academy: { type: String, required: true },
    themes: { type: [String], default: [] },
    change: {
      type: String,
      enum: ['enrolled', 'withdrawn', 'completed', 'completion-revoked'],
      required: true,
    },
    creditedHoursDelta: { type: Number, required: true },
    newTeacherIn: { type: [cellSchema], default: [] },
  },
  { collection: 'participation_facts', ...closedSchemaOptions },
);
factSchema.index({ month: 1 });

export function participationFactModel(connection: Connection): Model<ParticipationFactRecord> {
  return (
    connection.models['ParticipationFact'] ??
    connection.model<ParticipationFactRecord>('ParticipationFact', factSchema)
  );
}

export class MongoParticipationFactStore implements ParticipationFactStore {
  constructor(private readonly model: Model<ParticipationFactRecord>) {}

  async record(factId: string, fact: ParticipationFact): Promise<boolean> {
    try {
      await this.model.create({ ...fact, _id: factId });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async inMonths(months: readonly string[]): Promise<ParticipationFact[]> {
    const records = await this.model
      .find({ month: mongoose.trusted({ $in: [...months] }) })
      .lean<ParticipationFactRecord[]>()
      .exec();
    return records.map(({ _id: _factId, ...fact }) => ({
      ...fact,
      newTeacherIn: fact.newTeacherIn.map(({ dimension, value, period }) => ({ dimension, value, period })),
    }));
  }
}
