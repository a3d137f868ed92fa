import { retentionJob as scheduledRetention, type PeriodicJob, type RetentionJobOptions } from '@relais/host';
import type { RetentionUseCases } from './retention';

export const retentionJobName = 'feedback-retention';

/** Feedback's retention schedule on the shared timer; its days are UTC, like the roster's `closedOn`. */
export function retentionJob(retention: RetentionUseCases, options: RetentionJobOptions): PeriodicJob {
  return scheduledRetention(retentionJobName, (today) => retention.purgeExpired(today), options);
}
