import { randomUUID } from 'node:crypto';
import { silentLogger, type BusLogger } from '../bus-logger';
import { describeError } from '../delivery/scrub-error';
import type { EventBus, OutgoingMessage } from '../event-bus';
import { endPublishSpans, startPublishSpan } from '../telemetry/message-spans';
import type { ClaimedDocument, OutboxStore, PendingEvent } from './outbox-store';

export interface OutboxRelayOptions {
  stores: readonly OutboxStore[];
  bus: EventBus;
  /** Identifies this relay in leases; unique per process (default: a random uuid). */
  owner?: string;
  /** How long a claim protects a document from other relays (default 30 s). */
  leaseMs?: number;
  /** Pause between rounds that found less than a full batch (default 200 ms). */
  pollIntervalMs?: number;
  /** Documents claimed per store and round (default 100). */
  batchSize?: number;
  logger?: BusLogger;
  /** Called after each document's events were published and acknowledged (for metrics). */
  onPublished?: (events: readonly PendingEvent[]) => void;
}

/**
 * Publishes the events that aggregates keep in their own document, then removes them (docs/design.md §4).
 *
 * Publish-then-acknowledge is at-least-once: a relay that dies between the two leaves the events in
 * place, and they are published again once its lease expires. Consumers are idempotent for that
 * reason. Leases only stop live relays from publishing the same events twice at the same time.
 */
export class OutboxRelay {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly logger: BusLogger;
  private running: Promise<void> | undefined;
  private stopRequested = false;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.owner = options.owner ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 100;
    this.logger = options.logger ?? silentLogger;
  }

  /** Polls until stop(); failures are logged and retried on the next round. */
  start(): void {
    if (this.running) return;
    this.stopRequested = false;
    this.running = this.loop();
  }

  /** Lets the round in progress finish (publish and acknowledge), then stops polling. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wakeUp?.();
    await this.running;
    this.running = undefined;
  }

  /**
   * One round over every store: claim, publish, acknowledge. Returns how many events were published.
   * If a publish fails, leases of the documents not acknowledged are released and the error is thrown.
   */
  async drainOnce(): Promise<number> {
    let published = 0;
    for (const store of this.options.stores) {
      const claimed = await store.claim(this.owner, this.leaseMs, this.batchSize);
      if (claimed.length > 0) published += await this.publishClaimed(store, claimed);
    }
    return published;
  }

  private async publishClaimed(store: OutboxStore, claimed: readonly ClaimedDocument[]): Promise<number> {
    // One publish per topic for the whole round; within a topic, documents and their events keep their order.
    const byTopic = new Map<string, Array<{ documentId: string; event: PendingEvent }>>();
    for (const { documentId, events } of claimed) {
      for (const event of events) {
        const entries = byTopic.get(event.topic) ?? [];
        entries.push({ documentId, event });
        byTopic.set(event.topic, entries);
      }
    }
    const publishedByDocument = new Map<string, PendingEvent[]>(claimed.map((doc) => [doc.documentId, []]));
    let failure: unknown;
    for (const [topic, entries] of byTopic) {
      // One span per event, each continuing the trace of the request that wrote it.
      const traced = entries.map(({ event }) => ({
        event,
        ...startPublishSpan(topic, event.envelope, event.headers),
      }));
      try {
        await this.options.bus.publish(
          topic,
          traced.map(({ event, headers }) => toMessage(event, headers)),
        );
        endPublishSpans(traced.map(({ span }) => span));
      } catch (error) {
        endPublishSpans(
          traced.map(({ span }) => span),
          error,
        );
        failure = error;
        this.logger.warn({ topic, error: describeError(error) }, 'outbox publish failed; will retry');
        break;
      }
      for (const { documentId, event } of entries) publishedByDocument.get(documentId)?.push(event);
    }
    let count = 0;
    for (const [documentId, events] of publishedByDocument) {
      await store.acknowledge(
        documentId,
        this.owner,
        events.map((event) => event.envelope.id),
      );
      count += events.length;
      if (events.length > 0) this.options.onPublished?.(events);
    }
    if (failure !== undefined) throw failure;
    return count;
  }

  private async loop(): Promise<void> {
    while (!this.stopRequested) {
      let published = 0;
      try {
        published = await this.drainOnce();
      } catch (error) {
        this.logger.warn({ error: describeError(error) }, 'outbox relay round failed');
      }
      // Go straight on while there is work; rest only when a round found nothing (or failed).
      if (published === 0 && !this.stopRequested) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}

function toMessage(event: PendingEvent, headers: Record<string, string>): OutgoingMessage {
  return Object.keys(headers).length === 0
    ? { key: event.key, envelope: event.envelope }
    : { key: event.key, envelope: event.envelope, headers };
}
