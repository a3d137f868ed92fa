import {
  contributionCounted,
  firstReplyMeasured,
  participationCounted,
  readEvent,
  type EventEnvelope,
} from '@relais/contracts';
import type { DeliveredEnvelope, DeliveredMessage, EventHandler, Subscription } from '@relais/bus';
import type { FactContent, FactIngestion, ReadFact } from '../../application/fact-ingestion';
import { liveFactsTopics, type FactsTopics } from '../../application/facts-topics';

export interface FactSubscriptionOptions {
  /** The live facts topics unless told otherwise (tests give fresh ones). */
  topics?: FactsTopics;
  /** `stats` for the live tables; a fresh one for a rebuild. Each topic gets its own group under it. */
  groupPrefix?: string;
  fromBeginning?: boolean;
  /** Told of every fact handled (applied or found already applied), e.g. to show progress. */
  onHandled?: (delivery: DeliveredMessage) => void;
}

/**
 * One consumer group per facts topic: a group whose members subscribe to different topics leaves
 * partitions with members that ignore them (measured with kafkajs: feedback facts never consumed).
 */
export function factGroupsOf(prefix: string): { enrollmentFacts: string; feedbackFacts: string } {
  return { enrollmentFacts: `${prefix}.enrollment-facts`, feedbackFacts: `${prefix}.feedback-facts` };
}

type FactReader = (envelope: EventEnvelope) => FactContent;

/**
 * Facts per run. A run costs a write of each shard it touches (a month of its partition), ~5 ms each on
 * FerretDB whatever the shard's size, so longer runs cost less per fact: a fetch of a partition
 * (kafkajs's 1 MB) is about 2,000 facts.
 */
const MAX_RUN = 2_000;
/**
 * Partitions of a fetch handed to the store at once, which writes them as one group (MongoTallyStore):
 * one partition after the other, a fact waited for the runs of every partition fetched before its own.
 */
const CONCURRENT_PARTITIONS = 16;

/** Each fact type stats counts, read through its contract: a fact that does not match it throws. */
const enrollmentFactReaders: Record<string, FactReader> = {
  [participationCounted.type]: (envelope) => ({
    kind: 'participation',
    fact: readEvent(participationCounted, envelope),
  }),
};
const feedbackFactReaders: Record<string, FactReader> = {
  [contributionCounted.type]: (envelope) => ({
    kind: 'contribution',
    fact: readEvent(contributionCounted, envelope),
  }),
  [firstReplyMeasured.type]: (envelope) => ({
    kind: 'first-reply',
    fact: readEvent(firstReplyMeasured, envelope),
  }),
};

/**
 * Stats reads facts topics only (L11, docs/design.md §3): never a `.events` topic, which carries person
 * references. A test asserts this list. Facts are read through their contracts. Runs of facts go to
 * the store together (the bus's batch handler); when a run fails, the bus hands its facts over one by
 * one, so a fact that does not match its contract is retried alone, then sent to `<topic>.dlq`, and
 * the partition keeps flowing. Applying a run again is harmless: the store skips what it has counted.
 */
export function factSubscriptions(
  ingestion: FactIngestion,
  options: FactSubscriptionOptions = {},
): Subscription[] {
  const common = options.fromBeginning === undefined ? {} : { fromBeginning: options.fromBeginning };
  const groups = factGroupsOf(options.groupPrefix ?? 'stats');
  const factsTopics = options.topics ?? liveFactsTopics;
  const subscriptionOf = (
    groupId: string,
    topic: string,
    readers: Record<string, FactReader>,
  ): Subscription => {
    const readAll = (items: readonly DeliveredEnvelope[]): ReadFact[] =>
      items.map(({ envelope, delivery }) => ({
        ...readerOf(readers, envelope.type)(envelope),
        factId: envelope.id,
        occurredAt: envelope.occurredAt,
        offset: Number(delivery.offset),
      }));
    const recordAll = async (items: readonly DeliveredEnvelope[]): Promise<void> => {
      const [first] = items;
      if (!first) return;
      await ingestion.record({ topic, partition: first.delivery.partition }, readAll(items));
      for (const { delivery } of items) options.onHandled?.(delivery);
    };
    const single: EventHandler = (envelope, delivery) => recordAll([{ envelope, delivery }]);
    return {
      ...common,
      groupId,
      topic,
      handlers: Object.fromEntries(Object.keys(readers).map((type) => [type, single])),
      batchHandler: recordAll,
      maxBatchSize: MAX_RUN,
      concurrentPartitions: CONCURRENT_PARTITIONS,
    };
  };
  return [
    subscriptionOf(groups.enrollmentFacts, factsTopics.enrollmentFacts, enrollmentFactReaders),
    subscriptionOf(groups.feedbackFacts, factsTopics.feedbackFacts, feedbackFactReaders),
  ];
}

function readerOf(readers: Record<string, FactReader>, type: string): FactReader {
  const reader = readers[type];
  // The bus hands over only the types a subscription has handlers for: this is a programming error.
  if (!reader) throw new Error(`no reader for fact type ${type}`);
  return reader;
}
