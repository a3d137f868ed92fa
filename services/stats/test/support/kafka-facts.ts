import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ensureTopics, type KafkaEventBusConfig } from '@relais/bus';
import { topics, type PendingEvent } from '@relais/contracts';
import type { FactsTopics } from '../../src/index';

/** The brokers of the integration infrastructure: absent is an error, never a skip. */
export function kafkaBrokers(): string[] {
  const value = process.env['KAFKA_BROKERS'];
  if (!value) throw new Error('KAFKA_BROKERS is not set: run integration tests through `npm run test:int`.');
  return value.split(',');
}

/** Short group timings, so that a test's consumers join within seconds. */
export const testBusConfig = (clientId: string, brokers = kafkaBrokers()): KafkaEventBusConfig => ({
  clientId,
  brokers,
  consumer: { sessionTimeout: 6_000, heartbeatInterval: 300, rebalanceTimeout: 8_000, maxWaitTimeInMs: 100 },
  joinTimeoutMs: 30_000,
});

/**
 * Fresh facts topics (and their dead-letter topics), so that other tests' facts do not mix in; on the
 * shared broker unless given others.
 */
export class FreshFactsTopics {
  readonly run = randomUUID().slice(0, 8);
  readonly topics: FactsTopics = {
    enrollmentFacts: `stats-it-${this.run}.enrollment.facts`,
    feedbackFacts: `stats-it-${this.run}.feedback.facts`,
  };
  readonly admin: Admin;

  constructor(private readonly brokers: string[] = kafkaBrokers()) {
    this.admin = new Kafka({ clientId: 'stats-it-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  }

  private get all(): string[] {
    return Object.values(this.topics).flatMap((topic) => [topic, `${topic}.dlq`]);
  }

  /** Kept for ever like the real facts topics (deploy/kafka/topics.txt): the facts' record times are
   * their months, weeks old, which the broker's default retention would delete mid-test. */
  async create(): Promise<void> {
    await ensureTopics(
      { clientId: 'stats-it', brokers: this.brokers },
      this.all.map((topic) => ({
        topic,
        partitions: 3,
        retentionMs: topic.endsWith('.dlq') ? undefined : -1,
      })),
    );
    await this.admin.connect();
  }

  /** Where the services would publish this fact, translated to the fresh topics. */
  topicOf(event: PendingEvent): string {
    return event.topic === topics.enrollmentFacts ? this.topics.enrollmentFacts : this.topics.feedbackFacts;
  }

  async deadLetters(): Promise<number> {
    let count = 0;
    for (const topic of Object.values(this.topics)) count += await this.records(`${topic}.dlq`);
    return count;
  }

  /** Records a topic holds, duplicates included. */
  async records(topic: string): Promise<number> {
    let count = 0;
    for (const { high, low } of await this.admin.fetchTopicOffsets(topic))
      count += Number(high) - Number(low);
    return count;
  }

  async remove(): Promise<void> {
    await this.admin.deleteTopics({ topics: this.all }).catch(() => undefined);
    await this.admin.disconnect();
  }
}
