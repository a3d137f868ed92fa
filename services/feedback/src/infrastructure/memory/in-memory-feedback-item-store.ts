import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryRevisionLog, type RevisionDocument } from '@relais/store';
import type { FeedbackItem } from '../../domain/feedback-item';
import { ItemRevisions } from '../item-revisions';

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
