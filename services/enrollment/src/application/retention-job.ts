import { periodicJob, type PeriodicJob } from '@relais/host';
import { dayOf } from '@relais/platform';
import type { EnrollmentLog } from './ports';
import type { RetentionUseCases } from './retention';

/** Hourly: the schedule counts in days, and a pass that finds nothing to do reads two index ranges. */
export const defaultRetentionIntervalMs = 60 * 60 * 1000;

export interface RetentionJobOptions {
  /** Today is the UTC day of this clock at each pass (tests move it). */
  clock?: () => Date;
  intervalMs?: number;
}

/**
 * The retention schedule enforced on a timer (ADR 0032; the databases have no TTL indexes to do it).
 * One line per pass with counts only; a failing pass (the database away) is a warning naming the
 * error's type, whose message could quote a document, and the next pass tries again. Like every
 * periodic job it runs once at start: a service redeployed more often than the interval would
 * otherwise never purge.
 */
export function enrollmentRetentionJob(
  retention: RetentionUseCases,
  log: EnrollmentLog,
  { clock = () => new Date(), intervalMs = defaultRetentionIntervalMs }: RetentionJobOptions = {},
): PeriodicJob {
  return periodicJob(
    'enrollment-retention',
    async () => {
      const today = dayOf(clock());
      const counts = await retention.purgeExpired(today);
      log.info({ day: today, ...counts }, 'retention pass');
    },
    intervalMs,
    (error) =>
      log.warn(
        { reason: (error as { name?: unknown } | null)?.name ?? 'unknown' },
        'a retention pass failed',
      ),
  );
}
