import type { RosterStore } from '@relais/roster';
import { addDays, dayOf, hourOf, monthOf } from '../domain/calendar';
import { digestMail, immediateMail } from '../domain/mail';
import {
  preferencesWith,
  type FeedbackStatus,
  type Notice,
  type NoticeFacts,
  type NoticeKind,
  type Preferences,
} from '../domain/notice';
import { derivedId } from './ids';
import type { MailOutbox } from './mail-outbox';
import type { Clock, DigestEntry, NotificationLog, NotificationStore } from './ports';
import type { UnsubscribeTokens } from './unsubscribe-tokens';

export class NoticeNotFound extends Error {
  override readonly name = 'NoticeNotFound';
  constructor() {
    super('No notification of yours has this id.');
  }
}

export class UnsubscribeLinkInvalid extends Error {
  override readonly name = 'UnsubscribeLinkInvalid';
  constructor() {
    super(
      'This unsubscribe link is not valid (cut or altered?): copy the whole link from the mail, or ' +
        'choose what you receive on the preferences page of Relais once signed in.',
    );
  }
}

/** Opens an author sealed by the feedback service; undefined when it cannot (another key, altered). */
export type OpenSealed = (sealed: string) => string | undefined;

/** Those of the people who are being erased, or were (ADR 0033): the keyring's memory of them. */
export type ErasedPeople = (personIds: readonly string[]) => Promise<ReadonlySet<string>>;

export interface NotificationOptions {
  /** Hour (Europe/Paris) from which the previous days' digest goes out, and closing courses are told. */
  digestHour: number;
  /**
   * Where an item's author is checked before his seal is kept: an item posted before his erasure and
   * delivered after it (a late delivery, a replay of the topic) must not make this service hold him
   * again. Without it (tests of this service alone), nobody is taken for erased.
   */
  erasedPeople?: ErasedPeople;
}

/** How many days before its planned closing day a course's unfinished participants are reminded. */
export const closingReminderDays = 7;

/**
 * Turns what happened elsewhere into notices and mails that say what happened and nothing more
 * (docs/design.md §7, ADR 0030), and serves a person's notices and choices.
 */
export class NotificationUseCases {
  /** The last day (Paris) the closing reminders ran in this process: they run once a day. */
  private remindedOn: string | undefined;

  constructor(
    private readonly store: NotificationStore,
    private readonly rosters: RosterStore,
    private readonly mails: MailOutbox,
    private readonly tokens: UnsubscribeTokens,
    private readonly openSealed: OpenSealed,
    private readonly clock: Clock,
    private readonly log: NotificationLog,
    private readonly options: NotificationOptions,
  ) {}

  // What happened.

  /**
   * The seal is the only copy of its author that is not sealed under his own key (ADR 0030), so it
   * is opened here, once, to ask the keyring: an unreadable seal is kept as before (the reply would
   * then reach nobody, which the dispatch already handles).
   */
  private async authorErased(sealedAuthor: string): Promise<boolean> {
    if (!this.options.erasedPeople) return false;
    const author = this.openSealed(sealedAuthor);
    if (author === undefined) return false;
    return (await this.options.erasedPeople([author])).has(author);
  }

  async itemPosted(
    eventId: string,
    event: { courseId: string; itemId: string; anonymous: boolean; sealedAuthor?: string },
  ): Promise<void> {
    const roster = await this.rosters.get(event.courseId);
    if (event.sealedAuthor && !(await this.authorErased(event.sealedAuthor))) {
      // The seal's retention counts from its course's closing, but the seal is kept without its course
      // (personal-data.ts): it counts from the month it came, or the course's if closed already, so
      // that it never outlives the rule.
      const today = dayOf(this.clock.now());
      const closedOn = roster?.closedOn;
      const startsOn = closedOn !== undefined && closedOn < today ? closedOn : today;
      await this.store.rememberAuthor(event.itemId, event.sealedAuthor, monthOf(startsOn));
    }
    const facts: NoticeFacts = {
      kind: 'feedback-new',
      courseId: event.courseId,
      courseTitle: roster?.title ?? '',
      count: 1,
    };
    for (const trainer of roster?.trainers ?? []) {
      if (event.anonymous) {
        // Never at once, not even in the portal: the moment of a notice could single out its author.
        await this.store.addToDigest({
          id: derivedId(eventId, trainer.userId),
          recipient: trainer.userId,
          day: dayOf(this.clock.now()),
          facts,
          withNotice: true,
        });
      } else {
        await this.tell(trainer.userId, eventId, facts);
      }
    }
  }

  async replyPosted(eventId: string, event: { courseId: string; itemId: string }): Promise<void> {
    await this.tellAuthor(eventId, event.itemId, { kind: 'feedback-reply', courseId: event.courseId });
  }

  async statusChanged(
    eventId: string,
    event: { courseId: string; itemId: string; status: FeedbackStatus },
  ): Promise<void> {
    await this.tellAuthor(eventId, event.itemId, {
      kind: 'feedback-status',
      courseId: event.courseId,
      status: event.status,
    });
  }

  async completionRecorded(eventId: string, event: { courseId: string; userId: string }): Promise<void> {
    const roster = await this.rosters.get(event.courseId);
    await this.tell(event.userId, eventId, {
      kind: 'completion-recorded',
      courseId: event.courseId,
      courseTitle: roster?.title ?? '',
    });
  }

  /** A 1:1 message came: its recipient is told that, and where to read it; never by whom or what. */
  async messageSent(eventId: string, event: { courseId: string; recipientId: string }): Promise<void> {
    const roster = await this.rosters.get(event.courseId);
    await this.tell(event.recipientId, eventId, {
      kind: 'message-new',
      courseId: event.courseId,
      courseTitle: roster?.title ?? '',
    });
  }

  /**
   * Once a day, from the digest hour: the participants who have not completed a course still open
   * are reminded, once per course and planned closing day, when that day is at most
   * `closingReminderDays` days ahead (7 days before it, or at the first run after, if the day was set
   * later or the service was away). A day moved later gets a reminder of its own; a closed course none.
   * Safe to run again: a reminder already written is not told twice.
   */
  async remindOfClosingCourses(): Promise<void> {
    const now = this.clock.now();
    if (hourOf(now) < this.options.digestHour) return;
    const today = dayOf(now);
    if (this.remindedOn === today) return;
    const closing = await this.rosters.closingBetween(addDays(today, 1), addDays(today, closingReminderDays));
    for (const roster of closing) {
      if (roster.status !== 'open' || roster.closesOn === undefined) continue;
      const facts: NoticeFacts = {
        kind: 'course-closing',
        courseId: roster.courseId,
        courseTitle: roster.title,
        closesOn: roster.closesOn,
      };
      // What the reminder is about names it: the same course and day, the same notice and mail.
      const cause = derivedId('course-closing', roster.courseId, roster.closesOn);
      for (const participant of roster.participants) {
        if (participant.status !== 'enrolled') continue;
        if (await this.store.hasNotice(derivedId(cause, participant.userId))) continue;
        await this.tell(participant.userId, cause, facts);
      }
    }
    this.remindedOn = today;
  }

  /**
   * Once the day's hour has come, the notices held back on earlier days go out: one notice per
   * course for new anonymous feedback, one mail per person and day. Safe to run again after a crash.
   */
  async runDigest(): Promise<void> {
    const now = this.clock.now();
    if (hourOf(now) < this.options.digestHour) return;
    const today = dayOf(now);
    const entries = await this.store.digestBefore(today);
    const byRecipientAndDay = new Map<string, DigestEntry[]>();
    for (const entry of entries) {
      const key = `${entry.recipient}|${entry.day}`;
      byRecipientAndDay.set(key, [...(byRecipientAndDay.get(key) ?? []), entry]);
    }
    for (const group of byRecipientAndDay.values()) {
      await this.sendDigest(group);
      await this.store.removeFromDigest(group.map((entry) => entry.id));
    }
  }

  // What a person asks.

  async noticesOf(
    userId: string,
    address: string | undefined,
    limit: number,
  ): Promise<{ unread: number; notices: Notice[] }> {
    await this.remember(userId, address);
    const [unread, notices] = await Promise.all([
      this.store.unreadCountOf(userId),
      this.store.noticesOf(userId, limit),
    ]);
    return { unread, notices };
  }

  async markRead(userId: string, noticeId: string): Promise<void> {
    if (!(await this.store.markRead(userId, noticeId))) throw new NoticeNotFound();
  }

  async preferencesOf(userId: string, address: string | undefined): Promise<Preferences> {
    await this.remember(userId, address);
    return preferencesWith(await this.store.preferencesOf(userId));
  }

  async setPreferences(userId: string, preferences: Preferences): Promise<Preferences> {
    await this.store.setPreferences(userId, preferences);
    return preferences;
  }

  /** The kind a genuine link turns off, checked before the person confirms. */
  unsubscribeKindOf(token: string): NoticeKind {
    const reader = this.tokens.read(token);
    if (!reader) throw new UnsubscribeLinkInvalid();
    return reader.kind;
  }

  async unsubscribe(token: string): Promise<NoticeKind> {
    const reader = this.tokens.read(token);
    if (!reader) throw new UnsubscribeLinkInvalid();
    const current = preferencesWith(await this.store.preferencesOf(reader.userId));
    await this.store.setPreferences(reader.userId, { ...current, [reader.kind]: 'off' });
    return reader.kind;
  }

  // How.

  /** The mail of a person's notices goes to the address his sign-in gives: kept for that alone. */
  private async remember(userId: string, address: string | undefined): Promise<void> {
    if (address !== undefined && address !== (await this.store.addressOf(userId))) {
      await this.store.recordAddress(userId, address);
    }
  }

  private async tellAuthor(
    eventId: string,
    itemId: string,
    facts: Omit<NoticeFacts, 'courseTitle'>,
  ): Promise<void> {
    const sealed = await this.store.sealedAuthorOf(itemId);
    // Items posted before this service, or while the feedback service had no key to seal with.
    if (sealed === undefined) return;
    const author = this.openSealed(sealed);
    if (author === undefined) {
      this.log.warn({ eventId }, 'an item author sealed with another key cannot be told of news');
      return;
    }
    const roster = await this.rosters.get(facts.courseId);
    await this.tell(author, eventId, { ...facts, courseTitle: roster?.title ?? '' });
  }

  /** A notice now, and a mail now, in the day's digest or never, as the person chose. */
  private async tell(recipient: string, eventId: string, facts: NoticeFacts): Promise<void> {
    const id = derivedId(eventId, recipient);
    const today = dayOf(this.clock.now());
    const delivery = preferencesWith(await this.store.preferencesOf(recipient))[facts.kind];
    // The mail first: were the process to stop in between, the redelivered event finds no notice
    // and queues the same mail again, which the queue ignores by its id.
    if (delivery === 'immediate') {
      await this.mails.enqueue(id, recipient, facts.kind, (links) => immediateMail(facts, links));
    } else if (delivery === 'daily-digest') {
      await this.store.addToDigest({ id, recipient, day: today, facts, withNotice: false });
    }
    await this.store.addNotice({ ...facts, id, recipient, createdOn: today, read: false });
  }

  private async sendDigest(group: readonly DigestEntry[]): Promise<void> {
    const [{ recipient, day }] = group as [DigestEntry];
    // The entries name the digest: a rerun after a crash writes the same records, later entries new ones.
    const entryIds = group.map((entry) => entry.id).sort();
    const today = dayOf(this.clock.now());
    const preferences = preferencesWith(await this.store.preferencesOf(recipient));
    const lines: NoticeFacts[] = [];
    const newFeedback = new Map<string, NoticeFacts>();
    for (const { facts, withNotice } of group) {
      if (facts.kind === 'feedback-new') {
        const key = `${facts.courseId}|${withNotice}`;
        const counted = newFeedback.get(key);
        newFeedback.set(key, { ...facts, count: (counted?.count ?? 0) + (facts.count ?? 1) });
      } else if (preferences[facts.kind] !== 'off') {
        lines.push(facts);
      }
    }
    for (const [key, facts] of newFeedback) {
      if (key.endsWith('|true')) {
        await this.store.addNotice({
          ...facts,
          id: derivedId('digest', recipient, facts.courseId, day, ...entryIds),
          recipient,
          createdOn: today,
          read: false,
        });
      }
      if (preferences['feedback-new'] !== 'off') lines.push(facts);
    }
    const mailed = mergeCourses(lines);
    if (mailed.length === 0) return;
    await this.mails.enqueue(
      derivedId('digest', recipient, day, ...entryIds),
      recipient,
      mailed[0]!.kind,
      (links) => digestMail(day, mailed, links),
    );
  }
}

/** Named and anonymous new feedback of one course make one line: the mail does not tell them apart. */
function mergeCourses(lines: readonly NoticeFacts[]): NoticeFacts[] {
  const merged: NoticeFacts[] = [];
  for (const line of lines) {
    const same =
      line.kind === 'feedback-new'
        ? merged.find((other) => other.kind === 'feedback-new' && other.courseId === line.courseId)
        : undefined;
    if (same) same.count = (same.count ?? 0) + (line.count ?? 1);
    else merged.push({ ...line });
  }
  return merged;
}
