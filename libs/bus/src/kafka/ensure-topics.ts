import { Kafka } from 'kafkajs';
import { kafkaClientConfig, type KafkaConnectionConfig } from './kafka-config';

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Kafka's `retention.ms`, -1 for ever; the broker's default (7 days) when absent. Record times are
   * the events' own, so facts topics need -1 or their older facts disappear at the next cleanup. */
  retentionMs?: number;
}

/**
 * Creates the topics that do not exist yet, and waits for their leaders. For tests and local tools:
 * in a deployment, topics (and their ACLs) belong to infrastructure, not to the services.
 */
export async function ensureTopics(
  config: KafkaConnectionConfig,
  topics: readonly TopicSpec[],
): Promise<void> {
  const admin = new Kafka(kafkaClientConfig(config)).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map(({ topic, partitions, retentionMs }) => ({
        topic,
        numPartitions: partitions,
        configEntries:
          retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(retentionMs) }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
