import { DomainError } from './domain-error';

export const feedbackCategories = [
  'technical-access',
  'tool-usability',
  'workload-time',
  'content-relevance',
  'support-guidance',
  'other',
] as const;
export type FeedbackCategory = (typeof feedbackCategories)[number];

export const feedbackStatuses = ['open', 'acknowledged', 'addressed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export type Visibility = 'named' | 'anonymous';

export const minIntensity = 1;
export const maxIntensity = 5;
export const maxFeedbackMessageLength = 2_000;

/** Who acts on an item: a trainer of its course, or its author (recognised by token, never by id). */
export type ItemRole = 'trainer' | 'author';

export interface Reply {
  id: string;
  by: ItemRole;
  /** A trainer's name; the author's only on a named item. An anonymous author's reply has none. */
  name?: string;
  message: string;
  /** Day precision (YYYY-MM-DD): when people write is none of anyone's business (L2). */
  postedOn: string;
}

/**
 * A teacher's feedback to the trainers of a course (L12). It holds no author id: only
 * `authorToken`, a keyed one-way token of (author, course, item) that the service can recompute for
 * a caller and nobody can invert, and the author's name when, and only when, the item is named.
 */
export interface FeedbackItem {
  id: string;
  courseId: string;
  /** The course's academy, for the anonymous facts; not personal. */
  academy: string;
  category: FeedbackCategory;
  intensity: number;
  message: string;
  visibility: Visibility;
  authorToken: string;
  authorName?: string;
  status: FeedbackStatus;
  postedOn: string;
  firstTrainerReplyOn?: string;
  replies: Reply[];
}

/**
 * The statuses each role may set from each status (ADR 0009). Trainers only move forward; the author
 * may only reopen an addressed item, when the answer did not help. Setting the current status again
 * changes nothing and is accepted (a retried request must not fail).
 */
const allowedTransitions: Record<ItemRole, Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  trainer: { open: ['acknowledged', 'addressed'], acknowledged: ['addressed'], addressed: [] },
  author: { open: [], acknowledged: [], addressed: ['open'] },
};

export function changeStatus(item: FeedbackItem, to: FeedbackStatus, as: ItemRole): FeedbackItem {
  if (item.status === to) return item;
  if (as === 'author' && to !== 'open') {
    throw new DomainError(
      'STATUS_RESERVED_TO_TRAINERS',
      'Only a trainer of the course acknowledges or addresses an item; as its author you can reopen it once addressed.',
    );
  }
  if (!allowedTransitions[as][item.status].includes(to)) {
    throw new DomainError(
      'INVALID_STATUS_TRANSITION',
      as === 'author'
        ? `Only an addressed item can be reopened; this one is ${item.status}.`
        : `An item goes open → acknowledged → addressed; it cannot go from ${item.status} to ${to} (its author may reopen it).`,
    );
  }
  return { ...item, status: to };
}

export interface ReplyOutcome {
  item: FeedbackItem;
  /** Set when this is the first reply of a trainer: the whole days it took (responsiveness). */
  daysToFirstReply?: number;
}

/** A trainer's reply acknowledges an open item: the trainer has read it. */
export function addReply(item: FeedbackItem, reply: Reply): ReplyOutcome {
  const replies = [...item.replies, reply];
  if (reply.by === 'author') return { item: { ...item, replies } };
  const status = item.status === 'open' ? 'acknowledged' : item.status;
  if (item.firstTrainerReplyOn !== undefined) return { item: { ...item, replies, status } };
  return {
    item: { ...item, replies, status, firstTrainerReplyOn: reply.postedOn },
    daysToFirstReply: daysBetween(item.postedOn, reply.postedOn),
  };
}

/** Whole calendar days between two YYYY-MM-DD days (never negative). */
export function daysBetween(fromDay: string, toDay: string): number {
  const days = (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

export type IntensityBand = 'low' | 'medium' | 'high';

export function intensityBandOf(intensity: number): IntensityBand {
  if (intensity <= 2) return 'low';
  return intensity === 3 ? 'medium' : 'high';
}

/**
 * The order a trainer reads items in: newest day first, then by id. Ids are random, so within a day
 * the order says nothing about who posted or when (no creation order, no grouping by author).
 */
export function trainerReadingOrder(a: FeedbackItem, b: FeedbackItem): number {
  if (a.postedOn !== b.postedOn) return a.postedOn < b.postedOn ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Below this many participants (trainers not counted), a trainer could guess who wrote an anonymous
 * item, so none is accepted (docs/design.md §7, ADR 0016). Configuration may raise it, never lower it.
 */
export const minimumAnonymityThreshold = 5;

/** Whether a course of this many participants is large enough to hide an anonymous author. */
export function anonymityHolds(participantCount: number, threshold: number): boolean {
  return participantCount >= threshold;
}
