import {
  pendingSince,
  type ClaimedDocument,
  type OutboxBacklog,
  type OutboxFields,
  type OutboxStore,
} from './outbox-store';

export interface OutboxStoreOptions {
  /** Source of "now" for leases; tests pass a controllable clock. */
  now?: () => Date;
}

/**
 * The outbox over the Map that in-memory repositories keep their documents in. Documents are
 * replaced, never mutated, so a repository that hands out its stored objects sees consistent ones.
 * Every method runs without awaiting in between, which makes each update atomic like the Mongo one.
 */
export class InMemoryOutboxStore<TDocument extends OutboxFields> implements OutboxStore {
  private readonly now: () => Date;

  constructor(
    private readonly documents: Map<string, TDocument>,
    options: OutboxStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async claim(owner: string, leaseMs: number, limit: number): Promise<ClaimedDocument[]> {
    const now = this.now();
    const claimed: ClaimedDocument[] = [];
    for (const [documentId, document] of this.documents) {
      if (claimed.length >= limit) break;
      if (document.outbox.length === 0) continue;
      if (document.outboxLease && document.outboxLease.until > now) continue;
      this.documents.set(documentId, {
        ...document,
        outboxLease: { owner, until: new Date(now.getTime() + leaseMs) },
      });
      claimed.push({ documentId, events: structuredClone(document.outbox) });
    }
    return claimed;
  }

  async acknowledge(documentId: string, owner: string, publishedEventIds: readonly string[]): Promise<void> {
    const document = this.documents.get(documentId);
    if (!document) return;
    const published = new Set(publishedEventIds);
    const updated: TDocument = {
      ...document,
      outbox: document.outbox.filter((event) => !published.has(event.envelope.id)),
    };
    if (document.outboxLease?.owner === owner) delete updated.outboxLease;
    this.documents.set(documentId, updated);
  }

  async backlog(): Promise<OutboxBacklog> {
    let pending = 0;
    let oldest: string | undefined;
    for (const document of this.documents.values()) {
      for (const event of document.outbox) {
        pending += 1;
        const occurredAt = pendingSince(event);
        if (oldest === undefined || Date.parse(occurredAt) < Date.parse(oldest)) oldest = occurredAt;
      }
    }
    return oldest === undefined ? { pending } : { pending, oldestOccurredAt: oldest };
  }
}
