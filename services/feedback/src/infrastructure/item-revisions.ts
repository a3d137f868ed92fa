import type { PendingEvent } from '@relais/contracts';
import type { RevisionLog } from '@relais/store/revisions';
import type { FeedbackItem, Visibility } from '../domain/feedback-item';
import type { FeedbackItemStore, PendingEventSummary, StoredItem } from '../application/ports';

/**
 * The FeedbackItemStore over any RevisionLog of items (ADR 0026); an adapter adds only its queries.
 * Removing an item forgets its text at once and still publishes its pending facts.
 */
export abstract class ItemRevisions implements FeedbackItemStore {
  constructor(readonly revisions: RevisionLog<FeedbackItem>) {}

  async findById(id: string): Promise<StoredItem | undefined> {
    const latest = await this.revisions.read(id);
    return latest && { item: latest.state, revision: latest.revision };
  }

  async insert(item: FeedbackItem, events: readonly PendingEvent[]): Promise<void> {
    if ((await this.revisions.append(item.id, 0, item, events)) === 'conflict')
      throw new Error('a feedback item with this id already exists');
  }

  async replace(stored: StoredItem, next: FeedbackItem, events: readonly PendingEvent[]): Promise<boolean> {
    return (await this.revisions.append(next.id, stored.revision, next, events)) === 'saved';
  }

  async remove(stored: StoredItem): Promise<boolean> {
    return (await this.revisions.remove(stored.item.id, stored.revision)) === 'saved';
  }

  abstract inCourse(courseId: string): Promise<FeedbackItem[]>;
  abstract coursesWithItems(): Promise<string[]>;
  abstract pendingEventsOf(itemIds: readonly string[]): Promise<Map<string, PendingEventSummary[]>>;
  abstract forgetCourses(courseIds: readonly string[], visibility: Visibility): Promise<number>;
  abstract dropNoticesPendingBefore(day: string): Promise<number>;
  abstract dropNoticesOf(itemIds: readonly string[]): Promise<number>;
}
