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
export const testBusConfig = (clientId: string): KafkaEventBusConfig => ({
  clientId,
  brokers: kafkaBrokers(),
  consumer: { sessionTimeout: 6_000, heartbeatInterval: 300, rebalanceTimeout: 8_000, maxWaitTimeInMs: 100 },
  joinTimeoutMs: 30_000,
});

/** Fresh facts topics (and their dead-letter topics), so that other tests' facts do not mix in. */
export class FreshFactsTopics {
  readonly run = randomUUID().slice(0, 8);
  readonly topics: FactsTopics = {
    enrollmentFacts: `stats-it-${this.run}.enrollment.facts`,
    feedbackFacts: `stats-it-${this.run}.feedback.facts`,
  };
  readonly admin: Admin = new Kafka({
    clientId: 'stats-it-admin',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();

  private get all(): string[] {
    return Object.values(this.topics).flatMap((topic) => [topic, `${topic}.dlq`]);
  }

  async create(): Promise<void> {
    await ensureTopics(
      { clientId: 'stats-it', brokers: kafkaBrokers() },
      this.all.map((topic) => ({ topic, partitions: 3 })),
    );
    await this.admin.connect();
  }

  /** Where the services would publish this fact, translated to the fresh topics. */
  topicOf(event: PendingEvent): string {
    return event.topic === topics.enrollmentFacts ? this.topics.enrollmentFacts : this.topics.feedbackFacts;
  }

  async deadLetters(): Promise<number> {
    let count = 0;
    for (const topic of Object.values(this.topics))
      for (const { high, low } of await this.admin.fetchTopicOffsets(`${topic}.dlq`))
        count += Number(high) - Number(low);
    return count;
  }

  async remove(): Promise<void> {
    await this.admin.deleteTopics({ topics: this.all }).catch(() => undefined);
    await this.admin.disconnect();
  }
}
