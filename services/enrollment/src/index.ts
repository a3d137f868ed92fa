export { createEnrollmentService, type EnrollmentModule, type EnrollmentPorts } from './compose';
export { ErasureIncomplete, ErasureUseCases, type ErasureCounts } from './application/erasure';
export {
  InMemoryCourseRepository,
  inMemoryCourseStores,
} from './infrastructure/memory/in-memory-course-repository';
export { InMemoryParticipationCounter } from './infrastructure/memory/in-memory-participation-counter';
export { MongoCourseRepository } from './infrastructure/mongo/mongo-course-repository';
export { courseRevisionModel } from './infrastructure/mongo/course-model';
export {
  MongoParticipationCounter,
  countedCellModel,
} from './infrastructure/mongo/mongo-participation-counter';
export { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';
export {
  createInMemoryEnrollmentService,
  inMemoryAdapters,
  type InMemoryEnrollmentOptions,
} from './in-memory';
export { mongoAdapters } from './mongo';
