export { createProgressService, type ProgressPorts, type ProgressService } from './compose';
export { InMemoryActivityStore } from './infrastructure/memory/in-memory-activity-store';
export { MongoActivityStore, activityListModel } from './infrastructure/mongo/mongo-activity-store';
export { createInMemoryProgressService } from './in-memory';
