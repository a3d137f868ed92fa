import { periodicJob, type PeriodicJob } from '@relais/host';
// The schedule's days are UTC, like the roster's `closedOn`; posts and quotas count Paris days.
import { dayOf as utcDayOf } from '@relais/platform';
import type { RetentionLog } from './ports';
import type { RetentionUseCases } from './retention';

export const retentionJobName = 'feedback-retention';

/** Hourly: the schedule counts in days, and a pass that finds nothing past its cutoffs costs a few queries. */
export const defaultRetentionIntervalMs = 60 * 60 * 1000;

export interface RetentionJobOptions {
  /** Decides which day it is; tests move it instead of waiting. */
  clock: () => Date;
  intervalMs: number;
  log: RetentionLog;
}

/**
 * Enforces the retention schedule on a timer (the databases have no TTL index). One line per pass,
 * with counts only; a failing pass (the database away) warns with the error's name alone, since its
 * message may quote a query, and the next pass tries again.
 */
export function retentionJob(retention: RetentionUseCases, options: RetentionJobOptions): PeriodicJob {
  return periodicJob(
    retentionJobName,
    async () => {
      const purged = await retention.purgeExpired(utcDayOf(options.clock()));
      options.log.info({ purged }, 'retention pass');
    },
    options.intervalMs,
    (error) => options.log.warn({ reason: errorNameOf(error) }, 'a retention pass failed'),
  );
}

function errorNameOf(error: unknown): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : 'unknown';
}
