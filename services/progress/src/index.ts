export { createProgressService, type ProgressModule, type ProgressPorts } from './compose';
export type { ActivityStore, CompletionMarkStore, RetentionLog } from './application/ports';
export type { RetentionPass } from './application/retention';
export { ErasureUseCases, type ErasureCounts } from './application/erasure';
export { retentionJobName } from './application/retention-job';
export {
  activityListsHoldNothingPersonal,
  completionMarksPersonalData,
  progressPersonalData,
} from './application/personal-data';
export type { Activity, ActivityKind } from './domain/activity';
export type { CompletionMark } from './domain/completion-mark';
export { InMemoryActivityStore } from './infrastructure/memory/in-memory-activity-store';
export { InMemoryCompletionMarkStore } from './infrastructure/memory/in-memory-completion-mark-store';
export {
  MongoActivityStore,
  activityListModel,
  type ActivityListRecord,
} from './infrastructure/mongo/mongo-activity-store';
export {
  MongoCompletionMarkStore,
  completionMarkModel,
  type CompletionMarkRecord,
} from './infrastructure/mongo/mongo-completion-mark-store';
export { createInMemoryProgressService, inMemoryAdapters, type InMemoryProgressOptions } from './in-memory';
export { mongoAdapters } from './mongo';
