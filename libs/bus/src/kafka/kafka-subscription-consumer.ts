import {
  PartitionAssigners,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
} from 'kafkajs';
import type { BusLogger } from '../bus-logger';
import type { DeadLetter } from '../delivery/dead-letter';
import type { ReceivedMessage } from '../delivery/process-delivery';
import { concurrentPartitionsOf, processRun, runSizeOf, type RunContext } from '../delivery/process-run';
import type { RetryPolicy } from '../delivery/retry-policy';
import { describeError } from '../delivery/scrub-error';
import type { Subscription } from '../event-bus';
import type { KafkaConsumerTimings } from './kafka-config';
import { decodeHeaders } from './kafka-headers';
import { subscriptionAwareAssigner } from './subscription-aware-assigner';
import { withTimeout } from '@relais/platform';

export interface KafkaSubscriptionOptions {
  retry: RetryPolicy;
  logger: BusLogger;
  timings: KafkaConsumerTimings;
  joinTimeoutMs: number;
  commitIntervalMs: number;
  sendToDeadLetter(letter: DeadLetter): Promise<void>;
}

/**
 * One kafkajs consumer for one subscription, with autoCommit off.
 *
 * Why eachBatch rather than eachMessage: eachMessage with autoCommit off leaves us one explicit
 * commit round trip per message, which caps a partition at a few hundred messages per second. With
 * eachBatch we handle the batch's messages in order, resolve each offset once its handler succeeded
 * (or once it was dead-lettered), and commit the resolved offset at the end of the batch, right after
 * a dead letter, every `commitIntervalMs` within a long batch, and before the error of a rebalance
 * propagates. A crash therefore redoes at most that much work, which idempotent consumers absorb;
 * nothing is ever committed before its handler finished. With a batch handler, the fetched batch is
 * cut into runs of at most `maxBatchSize` messages, each handed to it at once.
 */
export class KafkaSubscriptionConsumer {
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly subscription: Subscription,
    private readonly options: KafkaSubscriptionOptions,
  ) {}

  get groupId(): string {
    return this.subscription.groupId;
  }

  get topic(): string {
    return this.subscription.topic;
  }

  /** Connects, subscribes and resolves once the consumer has joined its group. */
  async start(): Promise<void> {
    const { groupId, topic, fromBeginning = false } = this.subscription;
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      partitionAssigners: [subscriptionAwareAssigner, PartitionAssigners.roundRobin],
      ...this.options.timings,
    });
    this.consumer = consumer;
    let removeListeners: Array<() => void> = [];
    const joined = new Promise<void>((resolve, reject) => {
      removeListeners = [
        consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
        consumer.on(consumer.events.CRASH, (event) => {
          if (!event.payload.restart)
            reject(new Error(`consumer of ${topic} crashed: ${describeError(event.payload.error)}`));
        }),
      ];
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning });
      await consumer.run({
        partitionsConsumedConcurrently: concurrentPartitionsOf(this.subscription),
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.processBatch(payload),
      });
      await withTimeout(
        joined,
        this.options.joinTimeoutMs,
        `consumer group did not assign partitions of ${topic} within ${this.options.joinTimeoutMs} ms`,
      );
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    } finally {
      for (const remove of removeListeners) remove();
    }
  }

  /** kafkajs waits for the batch in progress; processBatch stops after its current message. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    let pending: string | undefined;
    let lastCommitAt = Date.now();
    const commit = async (): Promise<void> => {
      if (pending === undefined) return;
      const offset = (BigInt(pending) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      pending = undefined;
      lastCommitAt = Date.now();
    };
    const runSize = runSizeOf(this.subscription);
    const context: RunContext = {
      retry: this.options.retry,
      logger: this.options.logger,
      sendToDeadLetter: (letter) => this.options.sendToDeadLetter(letter),
      isStopping: () => !isRunning() || isStale(),
      heartbeat,
      settled: async (message, outcome) => {
        resolveOffset(message.offset);
        pending = message.offset;
        if (outcome === 'dead-lettered' || Date.now() - lastCommitAt >= this.options.commitIntervalMs) {
          await commit();
        }
        await heartbeat();
      },
    };
    try {
      for (let start = 0; start < batch.messages.length; start += runSize) {
        const run = batch.messages
          .slice(start, start + runSize)
          .map((message) => this.received(topic, partition, message));
        if ((await processRun(this.subscription, run, context)) === 'interrupted') break;
      }
      await commit();
    } catch (error) {
      // During a rebalance the broker still accepts commits of the current generation: save what is done.
      await commit().catch((commitError: unknown) =>
        this.options.logger.warn(
          { topic, partition, error: describeError(commitError) },
          'could not commit handled messages; they will be delivered again',
        ),
      );
      throw error;
    }
  }

  private received(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
    return {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? '',
      headers: decodeHeaders(message.headers),
      value: message.value,
    };
  }
}
