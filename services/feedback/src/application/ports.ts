import type { PendingEvent } from '@relais/contracts';
import type { RevisionLog } from '@relais/store/revisions';
import type { FeedbackItem, Visibility } from '../domain/feedback-item';
import type { Message } from '../domain/message';

/**
 * 1:1 messages, each saved with the events its sending causes in one single-document write (the
 * outbox, ADR 0002): the notice to its recipient cannot be lost, nor told of a message not saved.
 */
export interface MessageStore {
  add(message: Message, events: readonly PendingEvent[]): Promise<void>;
  /** Messages to or from this person, newest first. */
  involving(userId: string): Promise<Message[]>;
  /**
   * Every message to or from this person, with the events of its sending still waiting for the
   * relay: what the service holds of his conversations (GDPR article 15), found by the sender and
   * recipient ids it is stored under. Unlike `involving`, which a screen pages, nothing is left out.
   */
  heldAbout(userId: string): Promise<HeldMessage[]>;
  /**
   * Retention (ADR 0032): every message of these courses, whoever sent it, with the events of its
   * sending still pending. Answers how many were deleted, for a log line that names no one.
   */
  forgetCourses(courseIds: readonly string[]): Promise<number>;
  /**
   * Retention: removes the notices (events that refer to a person) still pending since before `day`
   * (YYYY-MM-DD, excluded), which only a relay failing that long leaves there. Answers how many.
   */
  dropNoticesPendingBefore(day: string): Promise<number>;
  /**
   * Erasure (ADR 0033): every message to or from this person, with the events of its sending still
   * pending (a notice names its recipient). Answers how many were deleted; a second call finds none.
   */
  forgetPerson(userId: string): Promise<number>;
}

/**
 * An event saved with a record and not yet handed to the bus, as a person may be told of it: what it
 * is and the day it was made, never its content (a sealed recipient, another person's id).
 */
export interface PendingEventSummary {
  type: string;
  /** YYYY-MM-DD. */
  occurredOn: string;
}

export interface HeldMessage {
  message: Message;
  pendingEvents: PendingEventSummary[];
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
  /**
   * The events still waiting for the relay in the saves of these items, per item (items with none are
   * absent). An item names no author, so a person's items are found first, by his keyed token
   * (ADR 0009), and their pending events then by item id.
   */
  pendingEventsOf(itemIds: readonly string[]): Promise<Map<string, PendingEventSummary[]>>;
  /**
   * Retention (ADR 0032): every item of this visibility in these courses, with its replies and the
   * events still pending in its saves. Answers how many saved versions were deleted: one per item,
   * but for a save caught between its insert and the clean-up of the version it replaced.
   */
  forgetCourses(courseIds: readonly string[], visibility: Visibility): Promise<number>;
  /** Retention: as `MessageStore.dropNoticesPendingBefore`, in the items' saves; facts stay. */
  dropNoticesPendingBefore(day: string): Promise<number>;
  /**
   * Erasure (ADR 0033): the notices (events that refer to a person) still pending in the saves of
   * these items, in every version that carries them; facts stay, they name no one. Answers how many
   * distinct events were dropped.
   */
  dropNoticesOf(itemIds: readonly string[]): Promise<number>;
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
  /**
   * Retention: forgets these tokens where recorded. Answers nothing on purpose: how many of a
   * course's members' tokens were there is how many of them wrote, which no log line should say.
   */
  forget(tokens: readonly string[]): Promise<void>;
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
  /**
   * The days that still have used slots. Slots are forgotten lazily (a day's first write drops the
   * older ones), so this may be more than today; a person's usage is asked for on these days only.
   */
  daysHeld(): Promise<string[]>;
  /** How many slots of each key are used; keys with none are absent. */
  used(keys: readonly string[]): Promise<Map<string, number>>;
  /** Retention: the used slots of days before `day` (YYYY-MM-DD, excluded); answers how many. */
  forgetDaysBefore(day: string): Promise<number>;
  /** Erasure (ADR 0033): the used slots of these keys, whatever their day; answers how many. */
  forgetKeys(keys: readonly string[]): Promise<number>;
}

export interface Clock {
  now(): Date;
}

/** Where the retention job says what it did: counts and error names only, never an id or a name. */
export interface RetentionLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: RetentionLog = { info: () => undefined, warn: () => undefined };
