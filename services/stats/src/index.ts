export { createStatsService, type StatsPorts, type StatsService } from './compose';
export { InMemoryParticipationFactStore } from './infrastructure/memory/in-memory-participation-fact-store';
export {
  MongoParticipationFactStore,
  participationFactModel,
} from './infrastructure/mongo/mongo-participation-fact-store';
export { productionMinimumCount } from './domain/suppression';
export { createInMemoryStatsService } from './in-memory';
