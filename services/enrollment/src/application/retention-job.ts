import { retentionJob, type PeriodicJob } from '@relais/host';
import type { EnrollmentLog } from './ports';
import type { RetentionUseCases } from './retention';

export interface RetentionJobOptions {
  /** Today is the UTC day of this clock at each pass (tests move it). */
  clock?: () => Date;
  intervalMs?: number;
}

/** Enrollment's retention schedule on the shared timer: training records past their rule anonymised. */
export function enrollmentRetentionJob(
  retention: RetentionUseCases,
  log: EnrollmentLog,
  { clock = () => new Date(), intervalMs }: RetentionJobOptions = {},
): PeriodicJob {
  return retentionJob('enrollment-retention', (today) => retention.purgeExpired(today), {
    clock,
    log,
    ...(intervalMs === undefined ? {} : { intervalMs }),
  });
}
