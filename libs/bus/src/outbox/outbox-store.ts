import type { EventEnvelope } from '@relais/contracts';

/** An event waiting in its aggregate's document until the relay has published it. */
export interface PendingEvent {
  topic: string;
  key: string;
  envelope: EventEnvelope;
  headers?: Record<string, string>;
  /**
   * When the event was saved (ISO), if the writer recorded it; never published. The backlog's age is
   * measured from it, since facts carry only the day in `envelope.occurredAt`.
   */
  storedAt?: string;
}

/** Which relay is publishing a document's events, and until when it may. */
export interface OutboxLease {
  owner: string;
  until: Date;
}

/**
 * The fields an aggregate document carries next to its state (docs/design.md §4, outbox without
 * multi-document transactions). Repositories append to `outbox` with `$push` in the same
 * single-document update as the state change, and never rewrite `outbox` wholesale: a relay may be
 * pulling published events from the same document at the same moment. `outboxLease` is written by
 * the in-memory store only; MongoOutboxStore keeps leases in a companion collection (see there why).
 */
export interface OutboxFields {
  outbox: PendingEvent[];
  outboxLease?: OutboxLease;
}

export interface ClaimedDocument {
  documentId: string;
  events: readonly PendingEvent[];
}

export interface OutboxBacklog {
  pending: number;
  /** The oldest pending event's `storedAt`, or its `envelope.occurredAt` when it has none. */
  oldestOccurredAt?: string;
}

/** The time a pending event has been waiting since, as precisely as it is known. */
export function pendingSince(event: PendingEvent): string {
  return event.storedAt ?? event.envelope.occurredAt;
}

export interface OutboxStore {
  /**
   * Leases up to `limit` documents that have pending events and no live lease (absent or expired),
   * each with one atomic single-document update, and returns their pending events in order.
   */
  claim(owner: string, leaseMs: number, limit: number): Promise<ClaimedDocument[]>;
  /**
   * Removes exactly the published events (events appended since the claim stay) and releases the
   * lease if `owner` still holds it. With no ids it only releases the lease.
   */
  acknowledge(documentId: string, owner: string, publishedEventIds: readonly string[]): Promise<void>;
  backlog(): Promise<OutboxBacklog>;
}
