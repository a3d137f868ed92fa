import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import type { PendingEventSummary } from '../../application/ports';
import type { FeedbackItem } from '../../domain/feedback-item';
import { ItemRevisions } from '../item-revisions';
import { summaryOf } from '../pending-event-summary';

export class InMemoryFeedbackItemStore extends ItemRevisions {
  constructor(override readonly revisions = new InMemoryRevisionLog<FeedbackItem>()) {
    super(revisions);
  }

  async inCourse(courseId: string): Promise<FeedbackItem[]> {
    return this.items().filter((item) => item.courseId === courseId);
  }

  async coursesWithItems(): Promise<string[]> {
    return [...new Set(this.items().map((item) => item.courseId))];
  }

  async pendingEventsOf(itemIds: readonly string[]): Promise<Map<string, PendingEventSummary[]>> {
    const pending = new Map<string, PendingEventSummary[]>();
    for (const id of itemIds) {
      const events = this.revisions.documents.get(id)?.outbox ?? [];
      if (events.length > 0) pending.set(id, events.map(summaryOf));
    }
    return pending;
  }

  private items(): FeedbackItem[] {
    return this.revisions.latest().map(({ state }) => state);
  }
}

/** The items and their outbox over one shared map, as one collection would hold them. */
export function inMemoryFeedbackItemStores(): {
  items: InMemoryFeedbackItemStore;
  outbox: InMemoryOutboxStore<RevisionDocument<FeedbackItem>>;
} {
  const revisions = new InMemoryRevisionLog<FeedbackItem>();
  return {
    items: new InMemoryFeedbackItemStore(revisions),
    outbox: new InMemoryOutboxStore(revisions.documents.documents),
  };
}
