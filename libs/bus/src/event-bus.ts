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
}

/**
 * The event bus port (DESIGN §4). Delivery is at-least-once with per-key ordering: messages with the
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
