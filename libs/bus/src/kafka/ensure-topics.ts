import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, type Admin } from 'kafkajs';
import { kafkaClientConfig, type KafkaConnectionConfig } from './kafka-config';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Kafka's `retention.ms`, -1 for ever; the broker's default (7 days) when absent. Record times are
   * the events' own, so facts topics need -1 or their older facts disappear at the next cleanup. */
  retentionMs?: number;
}

/** How long ensureTopics waits for the brokers to know the new topics and their leaders. */
const LEADERS_TIMEOUT_MS = 30_000;
const LEADERS_POLL_MS = 100;

/**
 * What a broker answers while the topics that its controller has just created have not reached its
 * own metadata yet: KRaft brokers learn them from the metadata log, a little after CreateTopics
 * returned (Kafka 4.2 often answers UNKNOWN_TOPIC_OR_PARTITION to the very next Metadata request).
 */
const NOT_PROPAGATED_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Creates the topics that do not exist yet, and waits until every partition of every topic has a
 * leader. For tests and local tools: in a deployment, topics (and their ACLs) belong to
 * infrastructure, not to the services.
 */
export async function ensureTopics(
  config: KafkaConnectionConfig,
  topics: readonly TopicSpec[],
): Promise<void> {
  const admin = new Kafka(kafkaClientConfig(config)).admin();
  await admin.connect();
  try {
    // kafkajs's own waitForLeaders gives up at the first UNKNOWN_TOPIC_OR_PARTITION, which is only
    // the broker lagging behind its controller: we wait ourselves.
    await admin.createTopics({
      waitForLeaders: false,
      topics: topics.map(({ topic, partitions, retentionMs }) => ({
        topic,
        numPartitions: partitions,
        configEntries:
          retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(retentionMs) }],
      })),
    });
    await untilLeadersKnown(
      admin,
      topics.map(({ topic }) => topic),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the brokers report a leader for every partition of the named topics, treating "unknown
 * topic" as the broker lagging behind its controller. Exported for the test infrastructure, which
 * creates topics with its own retention settings.
 */
export async function untilLeadersKnown(admin: Admin, names: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  let lastState = 'no answer yet';
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [...names] });
      const leaderless = topics.filter(
        ({ partitions }) => partitions.length === 0 || partitions.some(({ leader }) => leader < 0),
      );
      if (topics.length === names.length && leaderless.length === 0) return;
      lastState = `no leader yet for ${leaderless.map(({ name }) => name).join(', ')}`;
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (typeof type !== 'string' || !NOT_PROPAGATED_YET.has(type)) throw error;
      lastState = type;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `the topics ${names.join(', ')} were created but the brokers did not report a leader for ` +
          `each partition within ${LEADERS_TIMEOUT_MS} ms (last answer: ${lastState})`,
      );
    }
    await sleep(LEADERS_POLL_MS);
  }
}
