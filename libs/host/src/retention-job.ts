import { dayOf as utcDayOf } from '@relais/platform';
import { periodicJob, type PeriodicJob } from './periodic-job';

/** Hourly: the schedule counts in days, and a pass that finds nothing past its cutoffs costs a few indexed queries. */
export const defaultRetentionIntervalMs = 60 * 60 * 1000;

export interface RetentionJobLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface RetentionJobOptions {
  /** Decides which day it is; tests move it. */
  clock: () => Date;
  /** The day of an instant, as the service dates its records: UTC (the default) or Paris. */
  dayOf?: (now: Date) => string;
  intervalMs?: number;
  log: RetentionJobLog;
}

/** An error's name only: its message may quote a query, an id or an address. */
export function errorNameOf(error: unknown): string {
  const name = (error as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' ? name : 'unknown';
}

/**
 * A service's retention schedule (docs/adr/0032-retention-schedule.md) enforced on a timer, the
 * databases having no TTL index: one line per pass with the counts `purge` returns (never an id or a
 * name), and a failing pass (the database away) a warning naming the error's type; the next pass
 * tries again.
 */
export function retentionJob(
  name: string,
  purge: (today: string) => Promise<object>,
  { clock, dayOf = utcDayOf, intervalMs = defaultRetentionIntervalMs, log }: RetentionJobOptions,
): PeriodicJob {
  return periodicJob(
    name,
    async () => {
      const day = dayOf(clock());
      const purged = await purge(day);
      log.info({ day, purged }, 'retention pass');
    },
    intervalMs,
    (error) => log.warn({ reason: errorNameOf(error) }, 'a retention pass failed'),
  );
}
