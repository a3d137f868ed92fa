import { z } from 'zod';
import { loadConfig } from '@relais/platform';
import { productionMinimumCount } from './domain/suppression';

/** Days after a period ends before its tables are published, unless configured (ADR 0014). */
export const defaultSettlingDays = 7;

/** Configuration of stats beyond what every service reads; shared by the service and the rebuild. */
export function loadStatsConfig(env = process.env) {
  const own = loadConfig(
    z.object({
      // Lower values exist for tests only; a production deployment keeps the default of 11.
      STATS_MINIMUM_COUNT: z.coerce
        .number()
        .int()
        .min(1)
        .default(productionMinimumCount)
        .describe('smallest published count of distinct teachers (11 in production)'),
      STATS_SETTLING_DAYS: z.coerce
        .number()
        .int()
        .min(0)
        .max(366)
        .default(defaultSettlingDays)
        .describe(
          'days after a period ends (a quarter, for the ministry tables) before it is published, once and for good',
        ),
    }),
    env,
  );
  if (env['NODE_ENV'] === 'production' && own.STATS_MINIMUM_COUNT < productionMinimumCount) {
    throw new Error(
      `Invalid configuration: STATS_MINIMUM_COUNT is never below ${productionMinimumCount} in production.`,
    );
  }
  return own;
}
