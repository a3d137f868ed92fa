import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { silentLogger, type BusLogger } from '../bus-logger';
import type { DeadLetter } from '../delivery/dead-letter';
import { assertPublishable } from '../delivery/envelope-validation';
import { retryPolicyFrom, type RetryPolicy } from '../delivery/retry-policy';
import { concurrentPartitionsOf, runSizeOf } from '../delivery/process-run';
import { describeError } from '../delivery/scrub-error';
import { EventBusClosedError } from '../errors';
import { observeConsumerLag, type PartitionLag } from '../telemetry/bus-metrics';
import type { EventBus, OutgoingMessage, Subscription } from '../event-bus';
import { kafkaClientConfig, type KafkaEventBusConfig } from './kafka-config';
import { fetchConsumerLag } from './kafka-consumer-lag';
import { KafkaSubscriptionConsumer } from './kafka-subscription-consumer';
import { withTimeout } from '@relais/platform';

/** acks=-1: every in-sync replica has the message before publish() resolves. */
const ALL_IN_SYNC_REPLICAS = -1;
/** A scrape waits this long at most for the broker's offsets; it then reports no lag rather than hang. */
const LAG_QUERY_TIMEOUT_MS = 3_000;

/**
 * The production event bus over kafkajs. Topics are created by infrastructure, never here. Message
 * keys and payloads are never logged: keys may carry user ids.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  /** For ready() only: no retries (kafkajs keeps retrying a seed broker even after disconnect) and no logs, the probe's answer is the report. */
  private readonly probe: Kafka;
  private readonly retry: RetryPolicy;
  private readonly logger: BusLogger;
  private readonly consumers: KafkaSubscriptionConsumer[] = [];
  private producerConnection: Promise<Producer> | undefined;
  private lagAdmin: Promise<Admin> | undefined;
  private stopObservingLag: (() => void) | undefined;
  private closed = false;

  constructor(private readonly config: KafkaEventBusConfig) {
    this.kafka = new Kafka(kafkaClientConfig(config));
    this.probe = new Kafka({
      ...kafkaClientConfig(config),
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    this.retry = retryPolicyFrom(config);
    this.logger = config.logger ?? silentLogger;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    assertPublishable(topic, messages);
    if (messages.length === 0) return;
    const producer = await this.producer();
    await producer.send({
      topic,
      acks: ALL_IN_SYNC_REPLICAS,
      messages: messages.map((message) => ({
        key: message.key,
        value: JSON.stringify(message.envelope),
        // The record's time is the event's own (a fact's is the day), not the millisecond of sending,
        // which would let a reader of two topics pair a fact with the event published beside it.
        timestamp: String(Date.parse(message.envelope.occurredAt)),
        headers: { ...message.headers },
      })),
    });
  }

  async subscribe(subscription: Subscription): Promise<void> {
    this.assertOpen();
    // Refuses a bad maxBatchSize or concurrentPartitions before joining the group.
    runSizeOf(subscription);
    concurrentPartitionsOf(subscription);
    const consumer = new KafkaSubscriptionConsumer(this.kafka, subscription, {
      retry: this.retry,
      logger: this.logger,
      timings: this.config.consumer ?? {},
      joinTimeoutMs: this.config.joinTimeoutMs ?? 30_000,
      commitIntervalMs: this.config.commitIntervalMs ?? 500,
      sendToDeadLetter: (letter) => this.sendToDeadLetter(letter),
    });
    // Registered before it starts so that a close() racing with subscribe() stops it too.
    this.consumers.push(consumer);
    try {
      await consumer.start();
    } catch (error) {
      this.consumers.splice(this.consumers.indexOf(consumer), 1);
      throw error;
    }
    this.stopObservingLag ??= observeConsumerLag(() => this.consumerLag());
  }

  /** A fresh admin connection each time, so a probe never reports a connection that died since. */
  async ready(): Promise<void> {
    this.assertOpen();
    const timeoutMs = this.config.readyTimeoutMs ?? 3_000;
    const admin = this.probe.admin();
    try {
      await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
        `Kafka did not answer within ${timeoutMs} ms`,
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopObservingLag?.();
    const lagAdmin = await this.lagAdmin?.catch(() => undefined);
    await lagAdmin?.disconnect().catch(() => undefined);
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    const producer = await this.producerConnection?.catch(() => undefined);
    await producer?.disconnect();
  }

  /** Lag of every subscription of this bus, for the metrics; nothing when the broker does not answer. */
  private async consumerLag(): Promise<PartitionLag[]> {
    if (this.closed || this.consumers.length === 0) return [];
    const subscriptions = new Map(
      this.consumers.map(({ groupId, topic }) => [`${groupId}\u0000${topic}`, { groupId, topic }]),
    );
    try {
      this.lagAdmin ??= this.connectLagAdmin();
      const admin = await this.lagAdmin;
      const lags = await withTimeout(
        Promise.all(
          [...subscriptions.values()].map(({ groupId, topic }) => fetchConsumerLag(admin, groupId, topic)),
        ),
        LAG_QUERY_TIMEOUT_MS,
        `Kafka did not give offsets within ${LAG_QUERY_TIMEOUT_MS} ms`,
      );
      return lags.flat();
    } catch (error) {
      const admin = await this.lagAdmin?.catch(() => undefined);
      this.lagAdmin = undefined;
      await admin?.disconnect().catch(() => undefined);
      this.logger.debug({ error: describeError(error) }, 'consumer lag unavailable for this scrape');
      return [];
    }
  }

  /** The probe's client: no retries, no logs; a failed query is simply no lag for that scrape. */
  private async connectLagAdmin(): Promise<Admin> {
    const admin = this.probe.admin();
    await admin.connect();
    return admin;
  }

  private async sendToDeadLetter(letter: DeadLetter): Promise<void> {
    const producer = await this.producer();
    await producer.send({
      topic: letter.topic,
      acks: ALL_IN_SYNC_REPLICAS,
      messages: [{ key: letter.key, value: letter.value, headers: letter.headers }],
    });
  }

  /** Connected on first use; a failed connection is retried by the next publish. */
  private producer(): Promise<Producer> {
    this.producerConnection ??= this.connectProducer().catch((error: unknown) => {
      this.producerConnection = undefined;
      throw error;
    });
    return this.producerConnection;
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return producer;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventBusClosedError();
  }
}
