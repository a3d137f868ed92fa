import { silentLogger, type BusLogger } from '../bus-logger';
import { assertPublishable } from '../delivery/envelope-validation';
import { concurrentPartitionsOf, processRun, runSizeOf } from '../delivery/process-run';
import { retryPolicyFrom, type RetryOptions, type RetryPolicy } from '../delivery/retry-policy';
import { EventBusClosedError } from '../errors';
import { observeConsumerLag } from '../telemetry/bus-metrics';
import type { EventBus, OutgoingMessage, Subscription } from '../event-bus';
import { ChangeNotifier } from './change-notifier';
import { InMemoryConsumerGroup, type RunControl } from './in-memory-consumer-group';
import { TopicLog, type RecordInput, type StoredRecord } from './topic-log';

export interface InMemoryEventBusOptions extends RetryOptions {
  /** Partitions of every topic, dead-letter topics included (default 3). */
  partitions?: number;
  logger?: BusLogger;
}

export type { StoredRecord } from './topic-log';

/**
 * The event bus of standalone mode and unit tests, with Kafka's semantics: keyed partitions, ordered
 * per partition, consumer groups with committed offsets, redelivery after a crash, dead letters.
 * Handlers always run on a later tick than the publish that produced their message.
 */
export class InMemoryEventBus implements EventBus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, InMemoryConsumerGroup>();
  private readonly notifier = new ChangeNotifier();
  private readonly partitionCount: number;
  private readonly retry: RetryPolicy;
  private readonly logger: BusLogger;
  private closed = false;
  private stopObservingLag: (() => void) | undefined;

  constructor(options: InMemoryEventBusOptions = {}) {
    this.partitionCount = options.partitions ?? 3;
    if (!Number.isInteger(this.partitionCount) || this.partitionCount < 1) {
      throw new RangeError(`partitions must be a positive integer, got ${this.partitionCount}`);
    }
    this.retry = retryPolicyFrom(options);
    this.logger = options.logger ?? silentLogger;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    assertPublishable(topic, messages);
    for (const message of messages) {
      this.append(topic, {
        key: message.key,
        value: JSON.stringify(message.envelope),
        headers: { ...message.headers },
      });
    }
  }

  /** Appends bytes as they are, valid or not: how tests put a poison message on a topic. */
  async publishRaw(
    topic: string,
    record: { key: string; value: string | null; headers?: Record<string, string> },
  ) {
    this.assertOpen();
    this.append(topic, { key: record.key, value: record.value, headers: { ...record.headers } });
  }

  async subscribe(subscription: Subscription): Promise<void> {
    this.assertOpen();
    // Refuses a bad maxBatchSize or concurrentPartitions now rather than in a consumer loop.
    runSizeOf(subscription);
    concurrentPartitionsOf(subscription);
    const groupKey = `${subscription.groupId}\u0000${subscription.topic}`;
    let group = this.groups.get(groupKey);
    if (!group) {
      group = new InMemoryConsumerGroup(
        subscription.groupId,
        this.topic(subscription.topic),
        subscription.fromBeginning ?? false,
        this.notifier,
        (owner, records, control) => this.deliver(owner, records, control),
        this.logger,
      );
      this.groups.set(groupKey, group);
    }
    group.join(subscription);
    // On first subscribe rather than in the constructor: by then the host has started telemetry.
    this.stopObservingLag ??= observeConsumerLag(async () =>
      [...this.groups.values()].flatMap((consumerGroup) =>
        consumerGroup.lag().map((lag) => ({ groupId: consumerGroup.groupId, ...lag })),
      ),
    );
  }

  async ready(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopObservingLag?.();
    await Promise.all([...this.groups.values()].map((group) => group.stop()));
  }

  /** Resolves once every live subscription has processed everything published so far. */
  async idle(): Promise<void> {
    while (![...this.groups.values()].every((group) => group.isIdle())) {
      await this.notifier.next();
    }
  }

  /** Simulates the death of every member of a group: in-flight work is not committed. */
  crashConsumer(groupId: string): void {
    for (const group of this.groups.values()) {
      if (group.groupId === groupId) group.crash();
    }
  }

  /** Everything on a topic, partition by partition (dead-letter topics included). */
  records(topic: string): StoredRecord[] {
    return this.topics.get(topic)?.all() ?? [];
  }

  private deliver(subscription: Subscription, records: readonly StoredRecord[], control: RunControl) {
    return processRun(
      subscription,
      records.map((record) => ({ ...record, offset: String(record.offset) })),
      {
        retry: this.retry,
        logger: this.logger,
        isAbandoned: control.isAbandoned,
        isStopping: control.isStopping,
        settled: (message) => control.settled(Number(message.offset)),
        sendToDeadLetter: async (letter) => {
          const value = Buffer.isBuffer(letter.value) ? letter.value.toString('utf8') : letter.value;
          this.append(letter.topic, { key: letter.key, value, headers: letter.headers });
        },
      },
    );
  }

  private append(topic: string, input: RecordInput): void {
    this.topic(topic).append(input);
    this.notifier.notify();
  }

  private topic(name: string): TopicLog {
    let log = this.topics.get(name);
    if (!log) {
      log = new TopicLog(name, this.partitionCount);
      this.topics.set(name, log);
    }
    return log;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventBusClosedError();
  }
}
