import { InMemoryOutboxStore, type OutboxFields, type OutboxStore } from '@relais/bus';
import type { PendingEvent } from '@relais/contracts';
import type { ErasureRequestRecord, ErasureRequestStore } from '../../application/erasure-requests';

type StoredRequest = ErasureRequestRecord & OutboxFields;

/** The audit records of erasures in memory, with their outbox: standalone and fast tests. */
export class InMemoryErasureRequestStore implements ErasureRequestStore {
  constructor(private readonly documents: Map<string, StoredRequest>) {}

  async add(record: ErasureRequestRecord, event: PendingEvent): Promise<void> {
    if (this.documents.has(record.erasureId))
      throw new Error('erasure ids are fresh uuids: a repeat is a bug');
    this.documents.set(record.erasureId, { ...record, outbox: [event] });
  }

  async latest(limit: number): Promise<ErasureRequestRecord[]> {
    return [...this.documents.values()]
      .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())
      .slice(0, limit)
      .map(recordOf);
  }

  async madeBy(userId: string): Promise<ErasureRequestRecord[]> {
    return [...this.documents.values()].filter((document) => document.requestedBy === userId).map(recordOf);
  }

  async forgetRequester(userId: string): Promise<number> {
    let forgotten = 0;
    for (const [id, document] of this.documents) {
      if (document.requestedBy !== userId) continue;
      this.documents.set(id, { ...document, requestedBy: null });
      forgotten += 1;
    }
    return forgotten;
  }

  async deleteRequestedBefore(cutoff: Date): Promise<number> {
    let deleted = 0;
    for (const [id, document] of this.documents) {
      if (document.requestedAt >= cutoff) continue;
      this.documents.delete(id);
      deleted += 1;
    }
    return deleted;
  }
}

function recordOf({ outbox: _outbox, outboxLease: _lease, ...record }: StoredRequest): ErasureRequestRecord {
  return { ...record };
}

/** The store and the outbox over the same documents. */
export function inMemoryErasureRequestStores(): { requests: ErasureRequestStore; outbox: OutboxStore } {
  const documents = new Map<string, StoredRequest>();
  return { requests: new InMemoryErasureRequestStore(documents), outbox: new InMemoryOutboxStore(documents) };
}
