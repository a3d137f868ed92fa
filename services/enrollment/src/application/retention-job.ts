import { retentionJob, type PeriodicJob } from '@relais/host';
import type { EnrollmentLog } from './ports';
import type { ErasureRequests } from './erasure-requests';
import type { RetentionUseCases } from './retention';

export interface RetentionJobOptions {
  /** Today is the UTC day of this clock at each pass (tests move it). */
  clock?: () => Date;
  intervalMs?: number;
}

/**
 * Enrollment's retention schedule on the shared timer: training records past their rule anonymised,
 * audit records of erasures past theirs deleted.
 */
export function enrollmentRetentionJob(
  retention: RetentionUseCases,
  erasureRequests: ErasureRequests,
  log: EnrollmentLog,
  { clock = () => new Date(), intervalMs }: RetentionJobOptions = {},
): PeriodicJob {
  const purge = async (today: string) => ({
    ...(await retention.purgeExpired(today)),
    ...(await erasureRequests.purgeExpired(today)),
  });
  return retentionJob('enrollment-retention', purge, {
    clock,
    log,
    ...(intervalMs === undefined ? {} : { intervalMs }),
  });
}
