import type { MongoTallyStore } from '../../../src/index';
import { participations } from '../../support/facts';

const ENROLLED_IN_LYON = 'teachers|enrolled|academy|month|lyon';

/** `count` distinct teachers enrolling in Lyon in November 2026, as facts published on `topic`. */
export const lyonEnrolments = (count: number, topic: string) =>
  participations({
    month: '2026-11',
    academy: 'lyon',
    themes: ['reading'],
    change: 'enrolled',
    teachers: count,
  }).map((fact) => ({ ...fact, topic }));

/** Lyon's November enrolments as the tally store counts them, over every partition. */
export async function enrolledInLyon(store: MongoTallyStore, topic: string): Promise<number> {
  return (await store.shards(0, topic, ['2026-11'])).reduce(
    (sum, shard) => sum + (shard.counters.get(ENROLLED_IN_LYON) ?? 0),
    0,
  );
}
