import type { mongo } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import { isNoticePendingBefore } from '../pending-notices';

/** What the purge reads and writes of a record that carries an outbox, through the driver. */
interface OutboxOfRecord {
  _id: string;
  outbox: PendingEvent[];
}

/**
 * Candidates through the index on the events' time (`outbox.envelope.occurredAt`, which both
 * collections with an outbox declare), then the exact notices pulled by value, as the relay
 * acknowledges (MongoOutboxStore: `$pull` with a condition removes nothing on FerretDB), on the
 * driver's collection so that the values compare as stored. A save that read an item's events just
 * before they were pulled carries them into its new version: the next pass removes them there.
 */
export function dropNoticesPendingBefore(model: { collection: unknown }, day: string): Promise<number> {
  return pullPendingEvents(model, { 'outbox.envelope.occurredAt': { $lt: day } }, (event) =>
    isNoticePendingBefore(event, day),
  );
}

/**
 * Pulls from the outbox of the records matching `filter` the pending events `drop` picks, each by its
 * exact stored value (`$pullAll`: a conditional `$pull` removes nothing on FerretDB). Answers how many
 * distinct events left, an event carried in two versions of an item counting once.
 */
export async function pullPendingEvents(
  model: { collection: unknown },
  filter: Record<string, unknown>,
  drop: (event: PendingEvent) => boolean,
): Promise<number> {
  const collection = model.collection as mongo.Collection<OutboxOfRecord>;
  const candidates = await collection.find(filter, { projection: { outbox: 1 } }).toArray();
  const dropped = new Set<string>();
  for (const candidate of candidates) {
    const picked = (candidate.outbox ?? []).filter(drop);
    if (picked.length === 0) continue;
    const { modifiedCount } = await collection.updateOne(
      { _id: candidate._id },
      { $pullAll: { outbox: picked } },
    );
    if (modifiedCount > 0) for (const event of picked) dropped.add(event.envelope.id);
  }
  return dropped.size;
}

/**
 * Bounded batches of course ids per delete: every course closed before a cutoff comes back on each
 * pass, and one `$in` of years of courses would make one ever larger query.
 */
export const coursesPerDelete = 500;

export function batchesOf<T>(values: readonly T[], size = coursesPerDelete): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < values.length; start += size) batches.push(values.slice(start, start + size));
  return batches;
}
