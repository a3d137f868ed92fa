import {
  contributionCounted,
  firstReplyMeasured,
  participationCounted,
  readEvent,
  topics,
} from '@relais/contracts';
import type { DeliveredMessage, EventHandler, Subscription } from '@relais/bus';
import type { FactIngestion } from '../../application/fact-ingestion';
import type { FactPosition } from '../../application/ports';

export interface FactSubscriptionOptions {
  /** `stats` for the live tables; a fresh prefix for a rebuild. Each topic gets its own group under it. */
  groupId?: string;
  fromBeginning?: boolean;
  /** Told of every fact handled (applied or found already applied), e.g. to show progress. */
  onHandled?: (delivery: DeliveredMessage) => void;
}

const positionOf = (delivery: DeliveredMessage): FactPosition => ({
  topic: delivery.topic,
  partition: delivery.partition,
  offset: Number(delivery.offset),
});

/**
 * One consumer group per facts topic: a group whose members subscribe to different topics leaves
 * partitions with members that ignore them (measured with kafkajs: feedback facts never consumed).
 */
export function factGroupsOf(prefix: string): { enrollmentFacts: string; feedbackFacts: string } {
  return { enrollmentFacts: `${prefix}.enrollment-facts`, feedbackFacts: `${prefix}.feedback-facts` };
}

/**
 * Stats reads facts topics only (L11, DESIGN §3): never a `.events` topic, which carries person
 * references. A test asserts this list. Facts are read through their contracts: one that does not
 * match throws a ContractViolation, so the bus retries it, then sends it to `<topic>.dlq` and the
 * partition keeps flowing.
 */
export function factSubscriptions(
  ingestion: FactIngestion,
  options: FactSubscriptionOptions = {},
): Subscription[] {
  const handled =
    (handle: EventHandler): EventHandler =>
    async (envelope, delivery) => {
      await handle(envelope, delivery);
      options.onHandled?.(delivery);
    };
  const common = options.fromBeginning === undefined ? {} : { fromBeginning: options.fromBeginning };
  const groups = factGroupsOf(options.groupId ?? 'stats');
  return [
    {
      ...common,
      groupId: groups.enrollmentFacts,
      topic: topics.enrollmentFacts,
      handlers: {
        [participationCounted.type]: handled(async (envelope, delivery) => {
          const fact = readEvent(participationCounted, envelope);
          await ingestion.recordParticipation(positionOf(delivery), envelope.id, fact);
        }),
      },
    },
    {
      ...common,
      groupId: groups.feedbackFacts,
      topic: topics.feedbackFacts,
      handlers: {
        [contributionCounted.type]: handled(async (envelope, delivery) => {
          const fact = readEvent(contributionCounted, envelope);
          await ingestion.recordContribution(positionOf(delivery), envelope.id, fact);
        }),
        [firstReplyMeasured.type]: handled(async (envelope, delivery) => {
          const fact = readEvent(firstReplyMeasured, envelope);
          await ingestion.recordFirstReply(positionOf(delivery), envelope.id, fact);
        }),
      },
    },
  ];
}
