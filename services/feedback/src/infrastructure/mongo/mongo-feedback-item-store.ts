import mongoose, { type Model } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import { isDuplicateKeyError } from '@relais/store';
import type { FeedbackItem } from '../../domain/feedback-item';
import type { FeedbackItemStore, StoredItem } from '../../application/ports';
import { revisionIdOf, type FeedbackRevisionRecord } from './feedback-item-model';

/**
 * Feedback items as a log of revisions (see FeedbackRevisionRecord). A save inserts revision n+1 with
 * the whole item and its facts; superseded revisions whose facts are published are deleted, so an
 * old text does not linger. Removing an item inserts a contentless last revision that takes over the
 * facts still pending, then deletes every earlier revision: the text is gone at once, the facts are
 * still published (a fact the relay was already publishing may go out twice; consumers are
 * idempotent by event id).
 */
export class MongoFeedbackItemStore implements FeedbackItemStore {
  constructor(private readonly revisions: Model<FeedbackRevisionRecord>) {}

  async findById(id: string): Promise<StoredItem | undefined> {
    const latest = await this.revisions
      .findOne({ itemId: id })
      .sort({ revision: -1 })
      .lean<FeedbackRevisionRecord>()
      .exec();
    return latest && !latest.removed ? { item: itemOf(latest), revision: latest.revision } : undefined;
  }

  async insert(item: FeedbackItem, events: readonly PendingEvent[]): Promise<void> {
    if (
      !(await this.insertRevision(item.id, item.courseId, 1, { removed: false, ...stateOf(item) }, events))
    ) {
      throw new Error('a feedback item with this id already exists');
    }
  }

  async replace(stored: StoredItem, next: FeedbackItem, events: readonly PendingEvent[]): Promise<boolean> {
    const revision = stored.revision + 1;
    const saved = await this.insertRevision(
      next.id,
      next.courseId,
      revision,
      { removed: false, ...stateOf(next) },
      events,
    );
    if (!saved) return false;
    await this.revisions
      .deleteMany({
        itemId: next.id,
        revision: mongoose.trusted({ $lt: revision }),
        'outbox.0': mongoose.trusted({ $exists: false }),
      })
      .exec();
    return true;
  }

  async remove(stored: StoredItem): Promise<boolean> {
    const { id, courseId } = stored.item;
    const earlier = await this.revisions.find({ itemId: id }).lean<FeedbackRevisionRecord[]>().exec();
    const pending = earlier.flatMap((record) => record.outbox);
    const revision = stored.revision + 1;
    if (!(await this.insertRevision(id, courseId, revision, { removed: true }, pending))) return false;
    await this.revisions.deleteMany({ itemId: id, revision: mongoose.trusted({ $lt: revision }) }).exec();
    return true;
  }

  async inCourse(courseId: string): Promise<FeedbackItem[]> {
    const records = await this.revisions.find({ courseId }).lean<FeedbackRevisionRecord[]>().exec();
    const latest = new Map<string, FeedbackRevisionRecord>();
    for (const record of records) {
      const known = latest.get(record.itemId);
      if (!known || known.revision < record.revision) latest.set(record.itemId, record);
    }
    return [...latest.values()].filter((record) => !record.removed).map(itemOf);
  }

  async coursesWithItems(): Promise<string[]> {
    // A removed item keeps only its contentless last revision, so every `removed: false` revision
    // belongs to an item still there.
    const courseIds: unknown[] = await this.revisions.distinct('courseId', { removed: false }).exec();
    return courseIds.filter((courseId): courseId is string => typeof courseId === 'string');
  }

  private async insertRevision(
    itemId: string,
    courseId: string,
    revision: number,
    state: Partial<FeedbackRevisionRecord>,
    events: readonly PendingEvent[],
  ): Promise<boolean> {
    try {
      await this.revisions.create({
        ...state,
        _id: revisionIdOf(itemId, revision),
        itemId,
        courseId,
        revision,
        outbox: [...events],
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

function stateOf(item: FeedbackItem): Omit<FeedbackItem, 'id' | 'courseId'> {
  const { id: _id, courseId: _courseId, ...state } = item;
  return state;
}

function itemOf(record: FeedbackRevisionRecord): FeedbackItem {
  const item: FeedbackItem = {
    id: record.itemId,
    courseId: record.courseId,
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
