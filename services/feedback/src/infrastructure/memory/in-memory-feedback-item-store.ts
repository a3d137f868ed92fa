import type { PendingEvent } from '@relais/contracts';
import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryDocuments } from '@relais/store';
import type { FeedbackItem } from '../../domain/feedback-item';
import type { FeedbackItemStore, StoredItem } from '../../application/ports';

/**
 * An item with its pending facts, as a collection would hold it. A removed item keeps only its
 * course, revision and pending facts (`item` absent) until the relay has published them.
 */
export interface FeedbackItemDocument {
  item?: FeedbackItem;
  courseId: string;
  revision: number;
  outbox: PendingEvent[];
  outboxLease?: { owner: string; until: Date };
}

export class InMemoryFeedbackItemStore implements FeedbackItemStore {
  constructor(readonly documents = new InMemoryDocuments<FeedbackItemDocument>()) {}

  async findById(id: string): Promise<StoredItem | undefined> {
    const document = this.documents.get(id);
    return document?.item && { item: document.item, revision: document.revision };
  }

  async insert(item: FeedbackItem, events: readonly PendingEvent[]): Promise<void> {
    if (this.documents.get(item.id)) throw new Error('a feedback item with this id already exists');
    this.documents.set(item.id, { item, courseId: item.courseId, revision: 1, outbox: [...events] });
  }

  async replace(stored: StoredItem, next: FeedbackItem, events: readonly PendingEvent[]): Promise<boolean> {
    return this.saveOver(stored, (current) => ({
      ...current,
      item: next,
      revision: current.revision + 1,
      outbox: [...current.outbox, ...events],
    }));
  }

  async remove(stored: StoredItem): Promise<boolean> {
    const saved = this.saveOver(stored, ({ item: _item, ...rest }) => ({
      ...rest,
      revision: rest.revision + 1,
    }));
    const left = this.documents.get(stored.item.id);
    if (left && !left.item && left.outbox.length === 0) this.documents.delete(stored.item.id);
    return saved;
  }

  async inCourse(courseId: string): Promise<FeedbackItem[]> {
    return this.documents
      .find((document) => document.courseId === courseId && document.item !== undefined)
      .flatMap((document) => (document.item ? [document.item] : []));
  }

  async coursesWithItems(): Promise<string[]> {
    return [
      ...new Set(
        this.documents.find((document) => document.item !== undefined).map((document) => document.courseId),
      ),
    ];
  }

  private saveOver(stored: StoredItem, change: (current: FeedbackItemDocument) => FeedbackItemDocument) {
    let saved = false;
    this.documents.update(stored.item.id, (current) => {
      if (!current?.item || current.revision !== stored.revision) return undefined;
      saved = true;
      return change(current);
    });
    return saved;
  }
}

/** The items and their outbox over one shared map, as one collection would hold them. */
export function inMemoryFeedbackItemStores(): {
  items: InMemoryFeedbackItemStore;
  outbox: InMemoryOutboxStore<FeedbackItemDocument>;
} {
  const documents = new InMemoryDocuments<FeedbackItemDocument>();
  return {
    items: new InMemoryFeedbackItemStore(documents),
    outbox: new InMemoryOutboxStore(documents.documents),
  };
}
