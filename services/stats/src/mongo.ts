import type { ProductionInfrastructure } from '@relais/host';
import type { StatsPorts } from './compose';
import { MongoTallyStore, tallyModels } from './infrastructure/mongo/mongo-tally-store';
import type { loadStatsConfig } from './stats-config';

/** Every port of stats on MongoDB, in its own database: production. */
export function mongoAdapters(
  { connection, verifier }: ProductionInfrastructure,
  own: ReturnType<typeof loadStatsConfig>,
): StatsPorts {
  return {
    tallies: new MongoTallyStore(tallyModels(connection)),
    verifier,
    suppression: { minimumCount: own.STATS_MINIMUM_COUNT },
    publication: { settlingDays: own.STATS_SETTLING_DAYS, now: () => new Date() },
  };
}
