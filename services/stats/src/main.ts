import { z } from 'zod';
import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { createStatsService } from './compose';
import { productionMinimumCount } from './domain/suppression';
import {
  MongoParticipationFactStore,
  participationFactModel,
} from './infrastructure/mongo/mongo-participation-fact-store';

const own = loadConfig(
  z.object({
    // Lower values exist for tests only; a production deployment keeps the default of 11.
    STATS_MINIMUM_COUNT: z.coerce
      .number()
      .int()
      .min(1)
      .default(productionMinimumCount)
      .describe('smallest published count of distinct teachers (11 in production)'),
  }),
);
if (process.env['NODE_ENV'] === 'production' && own.STATS_MINIMUM_COUNT < productionMinimumCount) {
  throw new Error(
    `Invalid configuration: STATS_MINIMUM_COUNT is never below ${productionMinimumCount} in production.`,
  );
}

await runProductionService('stats', 8084, ({ connection, verifier }) =>
  createStatsService({
    participation: new MongoParticipationFactStore(participationFactModel(connection)),
    verifier,
    suppression: { minimumCount: own.STATS_MINIMUM_COUNT },
  }),
);
