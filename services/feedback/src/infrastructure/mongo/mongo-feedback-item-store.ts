import mongoose, { type Model } from 'mongoose';
import type { PendingEvent } from '@relais/bus';
import { MongoRevisionLog } from '@relais/store';
import type { PendingEventSummary } from '../../application/ports';
import type { FeedbackItem, Visibility } from '../../domain/feedback-item';
import { ItemRevisions } from '../item-revisions';
import { summaryOf } from '../pending-event-summary';
import type { FeedbackRevisionRecord } from './feedback-item-model';
import { batchesOf, dropNoticesPendingBefore, pullPendingEvents } from './mongo-retention';
import { isNotice } from '../pending-notices';

/** Feedback items in their RevisionLog on the database (ADR 0026): one record per item once saved. */
export class MongoFeedbackItemStore extends ItemRevisions {
  declare readonly revisions: MongoRevisionLog<FeedbackItem, FeedbackRevisionRecord>;

  constructor(private readonly records: Model<FeedbackRevisionRecord>) {
    super(
      new MongoRevisionLog<FeedbackItem, FeedbackRevisionRecord>(records, {
        idField: 'itemId',
        toRecord: stateOf,
        fromRecord: itemOf,
      }),
    );
  }

  async inCourse(courseId: string): Promise<FeedbackItem[]> {
    return (await this.revisions.latestMatching({ courseId })).map(({ state }) => state);
  }

  async coursesWithItems(): Promise<string[]> {
    // A removed item's last revision names no course, and the revisions before it are deleted.
    const courseIds: unknown[] = await this.records.distinct('courseId', { removed: false }).exec();
    return courseIds.filter((courseId): courseId is string => typeof courseId === 'string');
  }

  async pendingEventsOf(itemIds: readonly string[]): Promise<Map<string, PendingEventSummary[]>> {
    if (itemIds.length === 0) return new Map();
    // Every revision of an item keeps the events of its own save until the relay has published them.
    const records = await this.records
      .find(
        { itemId: mongoose.trusted({ $in: [...itemIds] }), 'outbox.0': mongoose.trusted({ $exists: true }) },
        { itemId: 1, outbox: 1 },
      )
      .lean<{ itemId: string; outbox: PendingEvent[] }[]>()
      .exec();
    const pending = new Map<string, PendingEventSummary[]>();
    for (const { itemId, outbox } of records) {
      pending.set(itemId, [...(pending.get(itemId) ?? []), ...outbox.map(summaryOf)]);
    }
    return pending;
  }

  /**
   * Every version of the course's items carries its course and visibility (a removed item's last
   * version carries neither, and holds no content): one delete per batch of courses, on the index by
   * course. A save racing the delete may insert a new version of an item just deleted: the next
   * pass deletes it.
   */
  async forgetCourses(courseIds: readonly string[], visibility: Visibility): Promise<number> {
    let deleted = 0;
    for (const batch of batchesOf(courseIds)) {
      const result = await this.records
        .deleteMany({ courseId: mongoose.trusted({ $in: batch }), visibility })
        .exec();
      deleted += result.deletedCount;
    }
    return deleted;
  }

  dropNoticesPendingBefore(day: string): Promise<number> {
    return dropNoticesPendingBefore(this.records, day);
  }

  /**
   * On the index by item: every version of these items that still carries events (a pending event is
   * carried into the next version until the superseded one is deleted, so it may sit in two).
   */
  async dropNoticesOf(itemIds: readonly string[]): Promise<number> {
    let dropped = 0;
    for (const batch of batchesOf([...new Set(itemIds)])) {
      dropped += await pullPendingEvents(
        this.records,
        { itemId: { $in: batch }, 'outbox.0': { $exists: true } },
        isNotice,
      );
    }
    return dropped;
  }
}

function stateOf(item: FeedbackItem): Omit<FeedbackItem, 'id'> {
  const { id: _id, ...state } = item;
  return state;
}

function itemOf(record: FeedbackRevisionRecord): FeedbackItem {
  const item: FeedbackItem = {
    id: record.itemId,
    courseId: record.courseId ?? '',
    academy: record.academy ?? '',
    category: record.category ?? 'other',
    intensity: record.intensity ?? 1,
    message: record.message ?? '',
    visibility: record.visibility ?? 'anonymous',
    authorToken: record.authorToken ?? '',
    status: record.status ?? 'open',
    postedOn: record.postedOn ?? '',
    replies: (record.replies ?? []).map(({ id, by, name, message, postedOn }) => ({
      id,
      by,
      message,
      postedOn,
      ...(name ? { name } : {}),
    })),
  };
  if (record.authorName) item.authorName = record.authorName;
  if (record.firstTrainerReplyOn) item.firstTrainerReplyOn = record.firstTrainerReplyOn;
  return item;
}
