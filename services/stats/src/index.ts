export { createStatsService, type StatsPorts } from './compose';
export type { CountedFact, FactPosition, PartitionOf, TallyShard, TallyStore } from './application/ports';
export { FactIngestion, type FactContent, type ReadFact } from './application/fact-ingestion';
export { StatsQueries } from './application/stats-queries';
export { rebuildTables, type RebuildOptions, type RebuildProgress } from './rebuild-tables';
export { InMemoryTallyStore } from './infrastructure/memory/in-memory-tally-store';
export { MongoTallyStore, tallyModels, type TallyModels } from './infrastructure/mongo/mongo-tally-store';
export { factSubscriptions, type FactSubscriptionOptions } from './infrastructure/kafka/fact-subscriptions';
export { liveFactsTopics, type FactsTopics } from './application/facts-topics';
export { KafkaFactsReplay, type FactsEnd } from './infrastructure/kafka/facts-replay';
export { productionMinimumCount } from './domain/suppression';
export { parsePeriod } from './domain/period';
export { createInMemoryStatsService, inMemoryAdapters, type InMemoryStatsOptions } from './in-memory';
export { mongoAdapters } from './mongo';
export { NotYetPublished } from './application/stats-queries';
export {
  countingMonthOf,
  ministryPublicationDay,
  trendPublicationDay,
  type PublicationCalendar,
} from './domain/publication';
export { defaultSettlingDays, loadStatsConfig } from './stats-config';
export { recordSuppressedCells } from './infrastructure/metrics/suppressed-cells';
