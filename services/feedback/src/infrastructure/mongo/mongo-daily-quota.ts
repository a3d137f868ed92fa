import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import type { DailyQuota } from '../../application/ports';
import { batchesOf } from './mongo-retention';

/** Ranges of `_id` per delete: an `$or` of a few hundred ranges stays one modest query. */
const keysPerDelete = 200;

/** One used write of one day's allowance: `<key>#<slot>`, where the key is a keyed token. */
interface QuotaSlotRecord {
  _id: string;
  day: string;
}

const quotaSlotSchema = new Schema<QuotaSlotRecord>(
  { _id: { type: String, required: true }, day: { type: String, required: true } },
  { collection: 'quota_slots', ...closedSchemaOptions },
);
// Yesterday's slots are dropped by day: at a day's first write, and by the retention job.
quotaSlotSchema.index({ day: 1 });

export function quotaSlotModel(connection: Connection): Model<QuotaSlotRecord> {
  return connection.models['QuotaSlot'] ?? connection.model<QuotaSlotRecord>('QuotaSlot', quotaSlotSchema);
}

const slotIdOf = (key: string, slot: number) => `${key}#${String(slot).padStart(4, '0')}`;

/**
 * Each write takes a numbered slot by inserting it: of two concurrent writers, only one insert of a
 * slot succeeds (an `$inc` counter is not atomic on FerretDB, see docs/adr/0004), so the limit holds
 * across processes.
 */
export class MongoDailyQuota implements DailyQuota {
  constructor(private readonly model: Model<QuotaSlotRecord>) {}

  async take(key: string, day: string, limit: number): Promise<boolean> {
    const used = await this.model
      .countDocuments({ _id: mongoose.trusted({ $gt: `${key}#`, $lt: `${key}#~` }) })
      .exec();
    if (used === 0) await this.model.deleteMany({ day: mongoose.trusted({ $lt: day }) }).exec();
    for (let slot = used + 1; slot <= limit; slot += 1) {
      try {
        await this.model.create({ _id: slotIdOf(key, slot), day });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return false;
  }

  async daysHeld(): Promise<string[]> {
    const days: unknown[] = await this.model.distinct('day').exec();
    return days.filter((day): day is string => typeof day === 'string');
  }

  async forgetDaysBefore(day: string): Promise<number> {
    const result = await this.model.deleteMany({ day: mongoose.trusted({ $lt: day }) }).exec();
    return result.deletedCount;
  }

  /**
   * Each key's slots are the `_id` range `<key>#…`, as `take` counts them: bounded batches of ranges
   * over the `_id` index (a person's keys are kinds × courses × days held).
   */
  async forgetKeys(keys: readonly string[]): Promise<number> {
    let forgotten = 0;
    for (const batch of batchesOf([...new Set(keys)], keysPerDelete)) {
      const result = await this.model
        .deleteMany({
          $or: batch.map((key) => ({ _id: mongoose.trusted({ $gt: `${key}#`, $lt: `${key}#~` }) })),
        })
        .exec();
      forgotten += result.deletedCount;
    }
    return forgotten;
  }

  async used(keys: readonly string[]): Promise<Map<string, number>> {
    // One count per key over the _id index: a person has a few keys a day (kind × course).
    const counts = await Promise.all(
      keys.map(
        async (key) =>
          [
            key,
            await this.model
              .countDocuments({ _id: mongoose.trusted({ $gt: `${key}#`, $lt: `${key}#~` }) })
              .exec(),
          ] as const,
      ),
    );
    return new Map(counts.filter(([, count]) => count > 0));
  }
}
