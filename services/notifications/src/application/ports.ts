import type { Notice, NoticeFacts, Preferences } from '../domain/notice';

export interface Clock {
  now(): Date;
}

/** Where the service writes what went wrong with a mail: never an address, a name or a text. */
export interface NotificationLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: NotificationLog = { warn: () => undefined, info: () => undefined };

/** A notice held back until the day is over, for the digest mail (and the notice itself, `withNotice`). */
export interface DigestEntry {
  id: string;
  recipient: string;
  day: string;
  facts: NoticeFacts;
  /** New anonymous feedback: the notice in the portal waits for the digest too (ADR 0030). */
  withNotice: boolean;
}

export type MailState = 'pending' | 'sent' | 'undeliverable';

/**
 * A mail in the queue, kept a month once sent or refused (the `mailQueue` rule of ADR 0032), so that
 * an event redelivered meanwhile does not send it twice.
 */
export interface QueuedMail {
  id: string;
  recipient: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** For the List-Unsubscribe header: the way out of the mail's first kind. */
  unsubscribeUrl: string;
  state: MailState;
  attempts: number;
  nextAttemptAt: Date;
  /** Day of the last change (Europe/Paris): what a sent or refused mail's retention counts from. */
  updatedOn: string;
}

export type MailAttempt = Pick<QueuedMail, 'attempts' | 'nextAttemptAt'>;

/** Everything the store keeps under one person's id: what his "Mes données" shows (GDPR article 15). */
export interface HeldAbout {
  /** Every notice, newest day first; not limited like the notification centre. */
  notices: Notice[];
  /** His choices, as stored; undefined while he has chosen nothing (the defaults apply). */
  preferences: Partial<Preferences> | undefined;
  address: string | undefined;
  /** Notices and mail lines held back for a digest that has not gone yet. */
  digest: DigestEntry[];
  /** Mails to him in the queue, whatever their state: pending, or sent or undeliverable (kept a month). */
  mails: QueuedMail[];
}

/** What erasing one person removed from the records kept under his id: counts only. */
export interface HeldAboutDeleted {
  notices: number;
  preferences: number;
  addresses: number;
  digestEntries: number;
  mails: number;
}

/** A feedback item and its author as the feedback service sealed him: only this service can open it. */
export interface SealedItemAuthor {
  itemId: string;
  sealedAuthor: string;
  /**
   * The month (YYYY-MM, Europe/Paris) its retention counts from: the month it came, or its course's
   * closing if earlier; absent on seals kept before it was recorded, until the retention pass dates them.
   */
  sealedIn?: string;
}

/** What the service keeps, one store over its own database (docs/design.md §3). */
export interface NotificationStore {
  /** False when a notice of that id exists already (a redelivered event). */
  addNotice(notice: Notice): Promise<boolean>;
  /** Whether a notice of that id was written: what a reminder checks before telling again. */
  hasNotice(id: string): Promise<boolean>;
  /** Newest day first. */
  noticesOf(recipient: string, limit: number): Promise<Notice[]>;
  unreadCountOf(recipient: string): Promise<number>;
  /** False when the recipient has no notice of that id. */
  markRead(recipient: string, noticeId: string): Promise<boolean>;

  preferencesOf(userId: string): Promise<Partial<Preferences> | undefined>;
  setPreferences(userId: string, preferences: Preferences): Promise<void>;

  recordAddress(userId: string, address: string): Promise<void>;
  addressOf(userId: string): Promise<string | undefined>;

  /**
   * The item's author, as sealed by the feedback service; opened only when there is news for him.
   * `sealedIn` is the month its retention counts from (YYYY-MM): no course is kept beside it
   * (application/personal-data.ts).
   */
  rememberAuthor(itemId: string, sealedAuthor: string, sealedIn: string): Promise<void>;
  sealedAuthorOf(itemId: string): Promise<string | undefined>;

  /**
   * The seals of every item's author. A seal is randomised (two seals of one person differ, ADR 0030),
   * so none can be searched for a person: whoever needs his items opens them one by one.
   */
  sealedItemAuthors(): AsyncIterable<SealedItemAuthor>;

  /** Everything kept under this person's id, each found by an index on it. */
  heldAbout(userId: string): Promise<HeldAbout>;

  /**
   * Erasure (ADR 0033): forgets everything kept under this person's id, each kind by an index on it;
   * the same result however often it runs. Mails go whatever their state, pending ones too: they
   * would otherwise be sent to him after he is forgotten.
   */
  deleteHeldAbout(userId: string): Promise<HeldAboutDeleted>;
  /** Forgets the seals of these items (those found, one by one, to open to an erased person). */
  deleteSeals(itemIds: readonly string[]): Promise<number>;

  /** Idempotent by id. */
  addToDigest(entry: DigestEntry): Promise<void>;
  digestBefore(day: string): Promise<DigestEntry[]>;
  removeFromDigest(ids: readonly string[]): Promise<void>;

  /** Idempotent by id: a mail queued (or sent) already is left as it is. */
  enqueueMail(mail: QueuedMail): Promise<void>;
  /** Pending mails whose next attempt is due, oldest first. */
  dueMails(now: Date, limit: number): Promise<QueuedMail[]>;
  /**
   * Takes a due mail for one attempt by pushing its next attempt to `until`, if it is still as it was
   * seen; false when another dispatcher took it first.
   */
  claimMail(id: string, seen: MailAttempt, until: Date): Promise<boolean>;
  settleMail(
    id: string,
    change: Pick<QueuedMail, 'state' | 'attempts' | 'nextAttemptAt' | 'updatedOn'>,
  ): Promise<void>;

  // Retention (ADR 0032): bulk writes by an indexed field, the same result however often or however
  // many replicas run them at once. Each returns how many records it changed.

  /** Forgets the notices of days before `day`. */
  deleteNoticesBefore(day: string): Promise<number>;
  /** Forgets sent and undeliverable mails last changed before `day`; pending ones are still being sent. */
  deleteFinishedMailsBefore(day: string): Promise<number>;
  /** How many digest entries of days before `day` are still waiting (the digest removes them once sent). */
  countDigestBefore(day: string): Promise<number>;
  /** Forgets the seals that came in months before `month` (YYYY-MM). */
  deleteSealsBefore(month: string): Promise<number>;
  /** Seals kept from before their month was recorded are given `month`, so that they expire too. */
  dateUndatedSeals(month: string): Promise<number>;
}

/** An SMTP relay, or the standalone's mailbox in memory. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

/** The relay refused the mail for good (5xx, a malformed address): retrying would not help. */
export class MailRejected extends Error {
  override readonly name = 'MailRejected';
  constructor(readonly responseCode: number | undefined) {
    super(`the mail relay refused the mail${responseCode === undefined ? '' : ` (${responseCode})`}`);
  }
}
