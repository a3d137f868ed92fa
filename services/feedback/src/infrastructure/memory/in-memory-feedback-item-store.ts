import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import type { PendingEventSummary } from '../../application/ports';
import type { FeedbackItem, Visibility } from '../../domain/feedback-item';
import { ItemRevisions } from '../item-revisions';
import { summaryOf } from '../pending-event-summary';
import { isNotice, isNoticePendingBefore } from '../pending-notices';

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

  async forgetCourses(courseIds: readonly string[], visibility: Visibility): Promise<number> {
    const past = new Set(courseIds);
    let forgotten = 0;
    for (const { id, state } of this.revisions.latest()) {
      if (!past.has(state.courseId) || state.visibility !== visibility) continue;
      if (this.revisions.documents.delete(id)) forgotten += 1;
    }
    return forgotten;
  }

  async dropNoticesPendingBefore(day: string): Promise<number> {
    let dropped = 0;
    for (const id of [...this.revisions.documents.documents.keys()]) {
      this.revisions.documents.update(id, (document) => {
        const kept = document?.outbox.filter((event) => !isNoticePendingBefore(event, day));
        if (!document || !kept || kept.length === document.outbox.length) return undefined;
        dropped += document.outbox.length - kept.length;
        return { ...document, outbox: kept };
      });
    }
    return dropped;
  }

  async dropNoticesOf(itemIds: readonly string[]): Promise<number> {
    let dropped = 0;
    for (const id of new Set(itemIds)) {
      this.revisions.documents.update(id, (document) => {
        const kept = document?.outbox.filter((event) => !isNotice(event));
        if (!document || !kept || kept.length === document.outbox.length) return undefined;
        dropped += document.outbox.length - kept.length;
        return { ...document, outbox: kept };
      });
    }
    return dropped;
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
