import type { EventEnvelope } from '@relais/contracts';

/** A message to publish. `headers` carry trace context (W3C `traceparent`), never personal data. */
export interface OutgoingMessage {
  key: string;
  envelope: EventEnvelope;
  headers?: Record<string, string>;
}

/** Where and how a message was delivered; `attempt` counts from 1 within one delivery. */
export interface DeliveredMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  attempt: number;
}

export type EventHandler = (envelope: EventEnvelope, delivery: DeliveredMessage) => Promise<void>;

/** A decoded message of a batch, with where it was delivered. */
export interface DeliveredEnvelope {
  envelope: EventEnvelope;
  delivery: DeliveredMessage;
}

/**
 * Handles consecutive messages of ONE partition, in offset order, all of types present in `handlers`.
 * It must be idempotent, like every handler, and more: when it rejects, the same messages go again,
 * one by one, to the per-type `handlers` (so that one bad message costs one dead letter, not the run),
 * and when it rejects with an error the bus's `isTransient` calls transient, the whole call is retried.
 * Each delivery of a batch carries `attempt` 1 on the first call (the call's number on a retry).
 */
export type BatchHandler = (items: readonly DeliveredEnvelope[]) => Promise<void>;

/** Messages handed to a batch handler at once when a subscription does not say (docs/design.md §8's throughput). */
export const DEFAULT_MAX_BATCH_SIZE = 500;

/**
 * One consumer group member on one topic. Handlers are keyed by event type; a message whose type has
 * no handler is acknowledged and skipped. `fromBeginning` only matters for a group with no committed
 * offset yet (a new group starts at the end of the topic otherwise).
 */
export interface Subscription {
  groupId: string;
  topic: string;
  handlers: Readonly<Record<string, EventHandler>>;
  fromBeginning?: boolean;
  /**
   * When set, runs of consecutive handled messages of one partition that are already available go to
   * it at once (up to `maxBatchSize`, default 500) instead of one by one to `handlers`, which remain
   * the fallback when it rejects. Poison messages and types without a handler never reach it.
   */
  batchHandler?: BatchHandler;
  maxBatchSize?: number;
  /**
   * How many partitions of one fetch are handled at the same time (default 1: one after the other,
   * as kafkajs does). A partition's messages stay in order whatever the value; the handlers must
   * tolerate calls for different partitions at once. The in-memory bus always handles its partitions
   * at once.
   */
  concurrentPartitions?: number;
}

/**
 * The event bus port (docs/design.md §4). Delivery is at-least-once with per-key ordering: messages with the
 * same key land in the same partition and are handled one after the other. A handler that keeps
 * failing sends its message to `<topic>.dlq` and the partition keeps flowing.
 */
export interface EventBus {
  /** Resolves only once every message is durably accepted by the bus. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  /** Starts consuming; resolves once the subscription is a member of its group. */
  subscribe(subscription: Subscription): Promise<void>;
  /** Rejects when the broker is unreachable (used by /readyz). */
  ready(): Promise<void>;
  /** Stops consumers after committing what is done (awaiting in-flight handlers), then the producer. */
  close(): Promise<void>;
}
