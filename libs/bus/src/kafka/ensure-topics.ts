import { Kafka } from 'kafkajs';
import { kafkaClientConfig, type KafkaConnectionConfig } from './kafka-config';

export interface TopicSpec {
  topic: string;
  partitions: number;
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
      topics: topics.map(({ topic, partitions }) => ({ topic, numPartitions: partitions })),
    });
  } finally {
    await admin.disconnect();
  }
}
