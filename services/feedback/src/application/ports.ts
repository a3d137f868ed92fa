import type { PendingEvent } from '@relais/contracts';
import type { RevisionLog } from '@relais/store/revisions';
import type { FeedbackItem } from '../domain/feedback-item';
import type { Message } from '../domain/message';

/**
 * 1:1 messages, each saved with the events its sending causes in one single-document write (the
 * outbox, ADR 0002): the notice to its recipient cannot be lost, nor told of a message not saved.
 */
export interface MessageStore {
  add(message: Message, events: readonly PendingEvent[]): Promise<void>;
  /** Messages to or from this person, newest first. */
  involving(userId: string): Promise<Message[]>;
}

export interface StoredItem {
  item: FeedbackItem;
  /** Optimistic concurrency: a save succeeds only if nobody saved since this revision was read. */
  revision: number;
}

/**
 * Feedback items in a RevisionLog (ADR 0026), each saved with the facts its change causes in one
 * single-document write (the outbox, ADR 0002). Writers are HTTP requests of any replica, so saves
 * are conditional on the revision read.
 */
export interface FeedbackItemStore {
  /** The log itself: use cases change an item with `update` over it, which decides again on a race. */
  readonly revisions: RevisionLog<FeedbackItem>;
  findById(id: string): Promise<StoredItem | undefined>;
  /** Throws when the id exists already: ids are fresh uuids, so that is a bug. */
  insert(item: FeedbackItem, events: readonly PendingEvent[]): Promise<void>;
  /** false when someone saved the item since `stored` was read. */
  replace(stored: StoredItem, next: FeedbackItem, events: readonly PendingEvent[]): Promise<boolean>;
  /** Forgets the item's content at once; its pending facts are still published. false on a race. */
  remove(stored: StoredItem): Promise<boolean>;
  /** Items of a course, in no meaningful order. */
  inCourse(courseId: string): Promise<FeedbackItem[]>;
  /** The courses that hold at least one item, in no meaningful order. */
  coursesWithItems(): Promise<string[]>;
}

/**
 * The courses a person wrote feedback in, as keyed one-way tokens of (person, course) and nothing
 * else: no course id, no item, no time. It lets an author find his items after he left a course,
 * when the roster no longer names him, without any item pointing at its author.
 */
export interface AuthorshipIndex {
  /** The given tokens that were recorded. */
  recorded(tokens: readonly string[]): Promise<Set<string>>;
  record(token: string): Promise<void>;
}

/**
 * Remembers in which cells a teacher was already counted this month, under keyed one-way tokens,
 * so facts can say "a new respondent" without naming anyone (ADR 0005).
 */
export interface RespondentCounter {
  alreadyCounted(tokens: readonly string[]): Promise<Set<string>>;
  markCounted(tokens: readonly string[]): Promise<void>;
}

/**
 * Daily write quotas (rate limits). `take` uses one of `limit` slots of `key` for `day`, and answers
 * false when all are used. Keys are keyed tokens; `day` lets old slots be dropped.
 */
export interface DailyQuota {
  take(key: string, day: string, limit: number): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}
