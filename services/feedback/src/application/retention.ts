import {
  retentionCutoff,
  retentionRuleOf,
  type PersonalDataKind,
  type RetentionRule,
} from '@relais/platform';
import type { CourseRoster, RosterStore } from '@relais/roster';
import type { KeyedTokens } from './keyed-tokens';
import {
  anonymousFeedbackData,
  authorshipData,
  dailyQuotaData,
  messagesData,
  namedFeedbackData,
  trainerRepliesData,
} from './personal-data';
import type { AuthorshipIndex, DailyQuota, FeedbackItemStore, MessageStore } from './ports';

/**
 * The field that summarises the events riding on a record until the relay sends them: kept under its
 * own, shorter rule (`pendingDelivery`) and removed with the record at the latest.
 */
const pendingEventsField = 'pendingEvents';

/**
 * The rule a kind's records are deleted under, read from the declaration that "Mes données" shows, so
 * that the job and the page cannot disagree. A record is deleted whole, so its fields must share one
 * rule (its pending events apart): a kind whose fields disagree is refused rather than purged by a
 * guess.
 */
export function recordRetentionOf(kind: PersonalDataKind): RetentionRule {
  return retentionRuleOf(kind, { except: [pendingEventsField] });
}

/** The rule of one declared field; a field the job relies on and the declaration lacks is our bug. */
export function fieldRetentionOf(kind: PersonalDataKind, field: string): RetentionRule {
  const use = kind.fields[field];
  if (!use) throw new Error(`the ${kind.kind} records declare no field "${field}"`);
  return use.retention;
}

/** One rule for things the store removes together; refused when the declarations disagree. */
function oneRule(what: string, rules: Readonly<Record<string, RetentionRule>>): RetentionRule {
  const distinct = [...new Set(Object.values(rules))];
  const [rule] = distinct;
  if (rule === undefined || distinct.length > 1) {
    const declared = Object.entries(rules)
      .map(([kind, each]) => `${kind}: ${each}`)
      .join(', ');
    throw new Error(`${what} go together, so they need one retention rule; they declare ${declared}`);
  }
  return rule;
}

/** The rules the pass enforces, each read from the declaration, checked once when it is built. */
export interface FeedbackRetentionRules {
  namedItems: RetentionRule;
  anonymousItems: RetentionRule;
  authorship: RetentionRule;
  messages: RetentionRule;
  pendingNotices: RetentionRule;
  dailyQuota: RetentionRule;
}

export function feedbackRetentionRules(): FeedbackRetentionRules {
  const namedItems = recordRetentionOf(namedFeedbackData);
  const anonymousItems = recordRetentionOf(anonymousFeedbackData);
  // A trainer's reply is stored inside the item it answers, and leaves with it.
  oneRule('An item and the trainer replies inside it', {
    [namedFeedbackData.kind]: namedItems,
    [trainerRepliesData.kind]: recordRetentionOf(trainerRepliesData),
  });
  oneRule('An anonymous item and the trainer replies inside it', {
    [anonymousFeedbackData.kind]: anonymousItems,
    [trainerRepliesData.kind]: recordRetentionOf(trainerRepliesData),
  });
  return {
    namedItems,
    anonymousItems,
    // A token is what leads an author who left to his items: neither may outlive the other.
    authorship: oneRule('The items and the authorship tokens that lead their authors to them', {
      [namedFeedbackData.kind]: namedItems,
      [anonymousFeedbackData.kind]: anonymousItems,
      [authorshipData.kind]: recordRetentionOf(authorshipData),
    }),
    messages: recordRetentionOf(messagesData),
    // One pass over each outbox drops what is past its month, whatever record carries it.
    pendingNotices: oneRule('The notices pending in the items’ and the messages’ saves', {
      [namedFeedbackData.kind]: fieldRetentionOf(namedFeedbackData, pendingEventsField),
      [anonymousFeedbackData.kind]: fieldRetentionOf(anonymousFeedbackData, pendingEventsField),
      [messagesData.kind]: fieldRetentionOf(messagesData, pendingEventsField),
    }),
    dailyQuota: recordRetentionOf(dailyQuotaData),
  };
}

/** What one pass removed: counts only, for a log line that names no one. */
export interface RetentionPass {
  /** Courses closed before the items' cutoff: none of their items is left after the pass. */
  coursesPastFeedbackRetention: number;
  /** Saved versions of signed items deleted, replies included (one per item, see the store). */
  namedFeedbackItems: number;
  /** The same, of anonymous items. */
  anonymousFeedbackItems: number;
  /** Courses closed before the messages' cutoff: none of their messages is left after the pass. */
  coursesPastMessageRetention: number;
  messages: number;
  /** Notices (events that refer to a person) a failing relay left pending past their month. */
  pendingNotices: number;
  /** Used slots of the daily limit, of days before today. */
  dailyQuotaSlots: number;
}

/**
 * How far back, before the cutoff, a closed course's members have their authorship tokens forgotten
 * even when it holds no item any more (every item withdrawn by its author): the first pass after a
 * course crosses its cutoff does it, and a month covers a job stopped that long. Courses that still
 * hold items are covered however late.
 */
const authorshipLookbackDays = 31;

const dayMs = 86_400_000;

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);
}

/**
 * The retention schedule (ADR 0032) as feedback holds it. Every clock that starts at a course's
 * closing counts from the day the roster replica records the course as closed (`closedOn`; a replica
 * closed before that day was recorded gets the day of the first pass that sees it); a course still
 * open, or reopened, keeps everything.
 *
 * - Items, signed and anonymous, are deleted `namedFeedback` (24 months) after their course closed,
 *   with the replies inside them (the trainers' too) and the events still pending in their saves. An
 *   anonymous item is deleted too, although no longer tied to anyone: nobody reads a closed course's
 *   inbox after two years, its free text is what could still point at its author, and the CHSCT's
 *   trends do not read items: they are the anonymous facts stats counted when the item was posted and
 *   first answered (ADR 0005, 0014), which stay published.
 * - The authorship tokens of those courses (ADR 0016) store no course: they are recomputed for each
 *   member of the roster replica and forgotten, before the items, so that "the courses where you
 *   wrote" stops naming the course in the same pass. The token of a member who left before the course
 *   closed cannot be recomputed (nothing names him any more); once the course holds no item, no
 *   request finds it either.
 * - Messages are deleted `directMessages` (12 months) after their course closed.
 * - Notices pending since before `pendingDelivery` (a month) are dropped from both outboxes; facts
 *   stay.
 * - Daily quota slots of days before today are deleted (`dailyQuota`). Slots are Paris days and
 *   `today` is the UTC day, never later than Paris's: today's slots are never touched.
 *
 * Not touched: the roster replica (`whileMember`, and `RosterStore` cannot drop one), a withdrawn
 * item's contentless last version, and the respondent tokens of `counted_respondents`, which store no
 * month to prune by (see `storedWithoutPersonalData`).
 *
 * Idempotent, and safe in two replicas at once: each step deletes what is past its cutoff, and what
 * one replica deleted the other simply does not count.
 */
export class RetentionUseCases {
  readonly rules = feedbackRetentionRules();

  constructor(
    private readonly rosters: RosterStore,
    private readonly items: FeedbackItemStore,
    private readonly authorship: AuthorshipIndex,
    private readonly messages: MessageStore,
    private readonly quota: DailyQuota,
    private readonly tokens: KeyedTokens,
  ) {}

  /** `today` is YYYY-MM-DD (UTC), from the job's injected clock. */
  async purgeExpired(today: string): Promise<RetentionPass> {
    const cutoffOf = (rule: RetentionRule) => retentionCutoff(rule, today);
    // A replica that learnt of a closing before closing days were recorded counts from today, not never.
    await this.rosters.dateUndatedClosures(today);
    const closedBefore = this.closedCourses();

    const authorshipCutoff = cutoffOf(this.rules.authorship);
    await this.forgetAuthorship(await closedBefore(authorshipCutoff), authorshipCutoff);
    const pastFeedback = await closedBefore(cutoffOf(this.rules.namedItems));
    const namedFeedbackItems = await this.items.forgetCourses(idsOf(pastFeedback), 'named');
    const pastAnonymous = await closedBefore(cutoffOf(this.rules.anonymousItems));
    const anonymousFeedbackItems = await this.items.forgetCourses(idsOf(pastAnonymous), 'anonymous');
    const pastMessages = await closedBefore(cutoffOf(this.rules.messages));
    const messages = await this.messages.forgetCourses(idsOf(pastMessages));
    const noticesCutoff = cutoffOf(this.rules.pendingNotices);
    const pendingNotices =
      (await this.items.dropNoticesPendingBefore(noticesCutoff)) +
      (await this.messages.dropNoticesPendingBefore(noticesCutoff));
    const dailyQuotaSlots = await this.quota.forgetDaysBefore(cutoffOf(this.rules.dailyQuota));

    return {
      coursesPastFeedbackRetention: pastFeedback.length,
      namedFeedbackItems,
      anonymousFeedbackItems,
      coursesPastMessageRetention: pastMessages.length,
      messages,
      pendingNotices,
      dailyQuotaSlots,
    };
  }

  /** One query per distinct cutoff in a pass: the rules mostly share theirs. */
  private closedCourses(): (cutoff: string) => Promise<CourseRoster[]> {
    const asked = new Map<string, Promise<CourseRoster[]>>();
    return (cutoff) => {
      let closed = asked.get(cutoff);
      if (!closed) {
        closed = this.rosters.closedBefore(cutoff);
        asked.set(cutoff, closed);
      }
      return closed;
    };
  }

  /**
   * The members' tokens of the courses past the cutoff that still hold items, or closed within
   * `authorshipLookbackDays` of it: one HMAC per member and course, so not every course ever closed
   * on every pass. Nothing is counted: how many tokens were there is how many members wrote.
   */
  private async forgetAuthorship(closed: readonly CourseRoster[], cutoff: string): Promise<void> {
    if (closed.length === 0) return;
    const holdingItems = new Set(await this.items.coursesWithItems());
    const recentFrom = daysBefore(cutoff, authorshipLookbackDays);
    const tokens = closed
      .filter((roster) => holdingItems.has(roster.courseId) || (roster.closedOn ?? '') >= recentFrom)
      .flatMap((roster) =>
        [...roster.trainers, ...roster.participants].map((member) =>
          this.tokens.authorIn(member.userId, roster.courseId),
        ),
      );
    await this.authorship.forget(tokens);
  }
}

const idsOf = (rosters: readonly CourseRoster[]): string[] => rosters.map((roster) => roster.courseId);
