import { runProductionService } from '@relais/host';
import { createStatsService } from './compose';
import { MongoTallyStore, tallyModels } from './infrastructure/mongo/mongo-tally-store';
import { loadStatsConfig } from './stats-config';

const own = loadStatsConfig();

await runProductionService('stats', 8084, ({ connection, verifier }) =>
  createStatsService({
    tallies: new MongoTallyStore(tallyModels(connection)),
    verifier,
    suppression: { minimumCount: own.STATS_MINIMUM_COUNT },
    publication: { settlingDays: own.STATS_SETTLING_DAYS, now: () => new Date() },
  }),
);
