import type { EventBus } from '@relais/bus';
import { FactIngestion } from './application/fact-ingestion';
import type { TallyStore } from './application/ports';
import type { FactsTopics } from './application/facts-topics';
import { factSubscriptions } from './infrastructure/kafka/fact-subscriptions';

export interface RebuildProgress {
  start(total: number): void;
  advance(): void;
  stop(): void;
}

export interface RebuildOptions {
  store: TallyStore;
  bus: EventBus;
  /** Consumer groups of its own, new, so they read the facts topics from their beginning. */
  groupPrefix: string;
  /** The live facts topics unless told otherwise. */
  topics?: FactsTopics;
  /** How many facts the topics hold now (for the progress bar only). */
  total: number;
  /** Resolves once the group has consumed every fact the topics held when the rebuild started. */
  untilReplayed: () => Promise<void>;
  progress?: RebuildProgress;
}

/**
 * Every table from the first fact on, into a fresh generation that replaces the active one only once
 * it is complete: readers see the old tables until then, never a half-built one. The live consumers
 * must be stopped meanwhile (ADR 0011): when they start again they resume at their committed offsets,
 * and each shard skips what the rebuild already applied.
 */
export async function rebuildTables(options: RebuildOptions): Promise<{ generation: number; facts: number }> {
  const { store, bus, progress } = options;
  const previous = await store.activeGeneration();
  const next = previous + 1;
  await store.drop(next);
  const ingestion = new FactIngestion(store, async () => next);
  let facts = 0;
  progress?.start(options.total);
  const subscriptions = factSubscriptions(ingestion, {
    groupPrefix: options.groupPrefix,
    ...(options.topics ? { topics: options.topics } : {}),
    fromBeginning: true,
    onHandled: () => {
      facts += 1;
      progress?.advance();
    },
  });
  for (const subscription of subscriptions) await bus.subscribe(subscription);
  await options.untilReplayed();
  progress?.stop();
  await store.activate(next);
  await store.drop(previous);
  return { generation: next, facts };
}
