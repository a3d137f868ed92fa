/**
 * What a person is told, and how. A notice says what happened and where to look, never what was said:
 * no message or feedback text, no author, no category or intensity (docs/design.md §7, ADR 0030).
 */
export const noticeKinds = [
  'feedback-reply',
  'feedback-status',
  'feedback-new',
  'completion-recorded',
  'message-new',
  'course-closing',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** How the e-mail of a kind is sent; the notice in the portal is there whatever the choice. */
export const deliveries = ['immediate', 'daily-digest', 'off'] as const;
export type Delivery = (typeof deliveries)[number];

export type Preferences = Record<NoticeKind, Delivery>;

/** New feedback defaults to the digest: a trainer of busy courses would otherwise get a mail per item. */
export const defaultPreferences: Preferences = {
  'feedback-reply': 'immediate',
  'feedback-status': 'immediate',
  'feedback-new': 'daily-digest',
  'completion-recorded': 'immediate',
  'message-new': 'immediate',
  'course-closing': 'immediate',
};

export type FeedbackStatus = 'acknowledged' | 'addressed';

/** Everything a notice holds: a kind, a course and, for some kinds, a count, a status or a day. */
export interface NoticeFacts {
  kind: NoticeKind;
  courseId: string;
  /** The course's title as its members see it; empty when the course is not known here yet. */
  courseTitle: string;
  /** New feedback: how many items a digest gathers (1 for a named item told at once). */
  count?: number;
  status?: FeedbackStatus;
  /** Course closing: the planned closing day (YYYY-MM-DD) the reminder is about. */
  closesOn?: string;
}

export interface Notice extends NoticeFacts {
  id: string;
  recipient: string;
  /** Day precision (Europe/Paris), as everywhere a person's doings are dated (L2). */
  createdOn: string;
  read: boolean;
}

export function preferencesWith(stored: Partial<Preferences> | undefined): Preferences {
  return { ...defaultPreferences, ...stored };
}
