import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import type { Subscription } from '../../src/event-bus';
import { deadLetterTopicOf } from '@relais/contracts';
import { ensureTopics } from '../../src/kafka/ensure-topics';
import type { KafkaConnectionConfig, KafkaEventBusConfig } from '../../src/kafka/kafka-config';
import { decodeHeaders } from '../../src/kafka/kafka-headers';
import { KafkaEventBus } from '../../src/kafka/kafka-event-bus';
import type { EventBusContractHarness, RawRecord } from '../../src/testing/contract-support';
import { waitFor } from '../../src/testing/async-helpers';
import { isContractTransientError } from '../../src/testing/contract-support';

export const CONTRACT_MAX_ATTEMPTS = 4;

/**
 * Short timings so that a stuck consumer loses its partitions within seconds. 6 s is the broker's
 * default group.min.session.timeout.ms, the shortest session a stock broker accepts.
 */
export function contractBusConfig(brokers: string[]): KafkaEventBusConfig {
  return {
    clientId: 'bus-contract',
    brokers,
    maxAttempts: CONTRACT_MAX_ATTEMPTS,
    retryBackoffMs: { initial: 10, max: 40 },
    isTransient: isContractTransientError,
    transientBackoffMs: { initial: 5, max: 20 },
    consumer: {
      sessionTimeout: 6_000,
      heartbeatInterval: 300,
      rebalanceTimeout: 8_000,
      maxWaitTimeInMs: 100,
    },
    joinTimeoutMs: 30_000,
  };
}

/** Raw access to the broker for what the port does not offer: poison messages, reading a topic back. */
class RawKafka {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private admin: Admin | undefined;

  constructor(brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'bus-contract-raw', brokers, logLevel: logLevel.NOTHING });
  }

  async publish(topic: string, message: { key: string; value: string; headers?: Record<string, string> }) {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages: [message] });
  }

  /** Reads every partition up to the high watermark it had when called. */
  async read(topic: string): Promise<RawRecord[]> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const ends = new Map(
      offsets
        .filter(({ high, low }) => BigInt(high) > BigInt(low))
        .map(({ partition, high }) => [partition, BigInt(high)]),
    );
    if (ends.size === 0) return [];
    const records: Array<RawRecord & { offset: bigint }> = [];
    const consumer = this.kafka.consumer({
      groupId: `bus-contract-reader-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const offset = BigInt(message.offset);
          records.push({
            partition,
            offset,
            key: message.key?.toString('utf8') ?? '',
            value: message.value?.toString('utf8') ?? null,
            headers: decodeHeaders(message.headers),
          });
          if (offset + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
        },
      });
      await waitFor(() => ends.size === 0, 20_000, `reading ${topic} back`);
    } finally {
      await consumer.disconnect();
    }
    return records
      .sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset))
      .map(({ partition, key, value, headers }) => ({ partition, key, value, headers }));
  }

  async deleteTopics(topics: string[]): Promise<void> {
    await this.admin?.deleteTopics({ topics }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    await this.admin?.disconnect();
  }
}

export function kafkaContractHarness(brokers: string[]): EventBusContractHarness {
  const config = contractBusConfig(brokers);
  const connection: KafkaConnectionConfig = { clientId: config.clientId, brokers };
  const bus = new KafkaEventBus(config);
  const replacements: KafkaEventBus[] = [];
  const raw = new RawKafka(brokers);
  const topics: string[] = [];
  return {
    bus,
    maxAttempts: CONTRACT_MAX_ATTEMPTS,
    deliveryTimeoutMs: 20_000,
    async newTopic() {
      const topic = `bus-contract-${randomUUID()}`;
      topics.push(topic, deadLetterTopicOf(topic));
      await ensureTopics(connection, [
        { topic, partitions: 3 },
        { topic: deadLetterTopicOf(topic), partitions: 3 },
      ]);
      return topic;
    },
    publishRaw: (topic, message) => raw.publish(topic, message),
    readTopic: (topic) => raw.read(topic),
    // The crashed member is stuck in its handler, so it stops heartbeating; once its session expires,
    // the group hands its partitions, from the last committed offset, to the replacement.
    async crashAndRestart(subscription: Subscription) {
      const replacement = new KafkaEventBus(config);
      replacements.push(replacement);
      await replacement.subscribe(subscription);
    },
    async cleanup() {
      await Promise.all([bus, ...replacements].map((each) => each.close()));
      await raw.deleteTopics(topics);
      await raw.close();
    },
  };
}
