import { retentionJob as scheduledRetention, type PeriodicJob, type RetentionJobOptions } from '@relais/host';
import type { RetentionUseCases } from './retention';

export const retentionJobName = 'progress-retention';

/** Progress's retention schedule on the shared timer: marks of courses closed past their rule. */
export function retentionJob(retention: RetentionUseCases, options: RetentionJobOptions): PeriodicJob {
  return scheduledRetention(retentionJobName, (today) => retention.purgeExpired(today), options);
}
