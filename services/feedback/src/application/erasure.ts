import { update } from '@relais/store/revisions';
import { membershipOf, type CourseRoster, type RosterStore } from '@relais/roster';
import type { FeedbackItem } from '../domain/feedback-item';
import type { QuotaKind } from './errors';
import type { KeyedTokens } from './keyed-tokens';
import type { AuthorshipIndex, DailyQuota, FeedbackItemStore, MessageStore } from './ports';

/** How a signed item of an erased author, and his own replies on it, are signed from then on. */
export const formerParticipantName = 'Ancien participant';
/** How the replies of an erased trainer are signed from then on. */
export const formerTrainerName = 'Ancien formateur';

const quotaKinds: readonly QuotaKind[] = ['feedback', 'reply', 'message'];

/** What one erasure did: counts only, never an id, a name or a course. */
export interface ErasureCounts {
  /** Roster replicas that named him, as trainer or participant. */
  rosters: number;
  /** His signed items, now signed « Ancien participant ». */
  namedItemsAnonymised: number;
  /** Items where replies under his trainer name were found, now signed « Ancien formateur ». */
  itemsWithTrainerRepliesAnonymised: number;
  /** Notices (his sealed id, or addressed to him) pending in the saves of his signed items. */
  pendingNoticesDropped: number;
  /** Messages to or from him, with their pending notices. */
  messages: number;
  /** Used slots of the daily limit under his keyed tokens. */
  dailyQuotaSlots: number;
  /** Tokens "he wrote in this course" (ADR 0016). */
  authorshipTokens: number;
}

/**
 * Erasure (GDPR article 17, issue 19 point 3, ADR 0033): the feedback service forgets one person.
 *
 * - Signed items he wrote keep their place, text, replies and statuses (the trainers answered them
 *   and still follow them), but lose his identity: the author reads « Ancien participant », his author
 *   token is removed, and so is his name on his own replies. The text is kept as the trainers received
 *   it and may itself name him: the issue asks only that the author become "ancien participant", and
 *   nothing here could tell a name inside free text from any other word.
 * - His replies as a trainer read « Ancien formateur ». Replies store the trainer's name, not his id,
 *   so they are found as `/me/data` finds them: trainer replies under his roster name in the courses he
 *   trains now. A namesake co-trainer's replies in the same course are renamed too (nobody could tell
 *   them apart anyway); replies in a course he no longer trains, or under a former name, are not found.
 * - Messages to or from him are deleted, both ways. The issue lists messages among what is forgotten,
 *   unlike named feedback, which it keeps as "ancien participant"; no workflow of the other member
 *   depends on them (a message has no status nor statistic, and none can be answered any more), and a
 *   half conversation, whose other member is its only reader and knows who it was with, would still
 *   be about him. The notice of a sending (its recipient's id) leaves with the message.
 * - Notices pending in the saves of his signed items are dropped: `item.posted` seals his id for the
 *   notifications service, and a reply's or a status's notice is addressed to him. Facts stay: they
 *   name no one. (A pending notice lives seconds, while the relay runs; the trainers of an item posted
 *   in those seconds are not told of it, the item itself is in their inbox.)
 * - The keyed tokens computable from his id are deleted: his authorship tokens and daily quota slots,
 *   over every course that could hold them (see `candidateCourses`).
 * - He leaves every roster of the replica, last, so that a call interrupted before the end finds the
 *   courses again when it is retried.
 *
 * Not touched: his anonymous items, which nothing stored ties to him once his authorship tokens are
 * gone (ADR 0009, 0016): they keep their place and order in the trainers' inbox, and he can no longer
 * find them (the expected effect of erasure); a withdrawn item's contentless last version; and the
 * respondent tokens of `counted_respondents`, which would have to be recomputed for every month ×
 * cell × value and say no more than "counted once" (see `storedWithoutPersonalData`).
 *
 * Idempotent (a second call finds nothing: his items are no longer his by token, the roster no longer
 * names him), harmless for a person never seen (every count 0). A write of his racing the erasure is
 * found by a later call: a signed item posted meanwhile records his authorship token, which leads to
 * it, a message is found by his id, a quota slot by the course of either.
 */
export class ErasureUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly items: FeedbackItemStore,
    private readonly authorship: AuthorshipIndex,
    private readonly messages: MessageStore,
    private readonly quota: DailyQuota,
    private readonly tokens: KeyedTokens,
  ) {}

  async forgetPerson(userId: string): Promise<ErasureCounts> {
    const memberOf = await this.rosters.coursesOf(userId);
    const messageCourses = (await this.messages.heldAbout(userId)).map(({ message }) => message.courseId);
    const candidates = await this.candidateCourses(memberOf, messageCourses);
    const authorshipTokenOf = new Map(
      candidates.map((courseId) => [this.tokens.authorIn(userId, courseId), courseId]),
    );
    const recorded = await this.authorship.recorded([...authorshipTokenOf.keys()]);

    const memberCourses = memberOf.map((roster) => roster.courseId);
    const ownItems = await this.anonymiseOwnNamedItems(
      userId,
      new Set([...memberCourses, ...[...recorded].flatMap((token) => authorshipTokenOf.get(token) ?? [])]),
    );
    // Forgotten only once his items are anonymised: a call interrupted before finds them again by these
    // tokens when it is retried. A post racing this call records its token after inserting its item:
    // recorded before this line, its item is found by the second look below (a post is only accepted
    // in a course whose roster names him); after it, the token stays and leads a later call to it.
    await this.authorship.forget([...authorshipTokenOf.keys()]);
    ownItems.push(...(await this.anonymiseOwnNamedItems(userId, new Set(memberCourses))));
    const pendingNoticesDropped = await this.items.dropNoticesOf(ownItems);
    const itemsWithTrainerRepliesAnonymised = await this.anonymiseTrainerReplies(userId, memberOf);
    const messages = await this.messages.forgetPerson(userId);
    const dailyQuotaSlots = await this.quota.forgetKeys(await this.quotaKeys(userId, candidates));
    const rosters = await this.rosters.forgetPerson(userId);

    return {
      rosters,
      namedItemsAnonymised: ownItems.length,
      itemsWithTrainerRepliesAnonymised,
      pendingNoticesDropped,
      messages,
      dailyQuotaSlots,
      authorshipTokens: recorded.size,
    };
  }

  /**
   * The courses where a token of his may be: those whose roster names him, those that hold items
   * (where he may have written and left since), and those of his messages. A course he left whose
   * items were all withdrawn is none of these: its authorship token, if any, can be found by no
   * request either (the same limit as `/me/data`).
   */
  private async candidateCourses(
    memberOf: readonly CourseRoster[],
    messageCourses: readonly string[],
  ): Promise<string[]> {
    return [
      ...new Set([
        ...memberOf.map((roster) => roster.courseId),
        ...(await this.items.coursesWithItems()),
        ...messageCourses,
      ]),
    ];
  }

  /**
   * His signed items, found by his author token in the courses he is a member of or wrote in (as
   * `FeedbackUseCases.mine` finds them), each changed over its latest revision so that a concurrent
   * reply or status is kept. Answers the ids of the items changed.
   */
  private async anonymiseOwnNamedItems(userId: string, courses: ReadonlySet<string>): Promise<string[]> {
    const own: string[] = [];
    for (const courseId of courses) {
      for (const found of await this.items.inCourse(courseId)) {
        if (found.visibility !== 'named' || !this.tokens.isAuthor(found, userId)) continue;
        const changed = await update(this.items.revisions, found.id, (current) => {
          const item = current?.state;
          if (!item || item.visibility !== 'named' || !this.tokens.isAuthor(item, userId)) {
            return { save: 'nothing', result: false };
          }
          return { save: 'state', next: withFormerAuthor(item), events: [], result: true };
        });
        if (changed) own.push(found.id);
      }
    }
    return own;
  }

  /** His replies in the courses he trains, by the names the roster gives him there. */
  private async anonymiseTrainerReplies(userId: string, memberOf: readonly CourseRoster[]): Promise<number> {
    let changedItems = 0;
    for (const roster of memberOf) {
      if (membershipOf(roster, userId) !== 'trainer') continue;
      const names = new Set(
        roster.trainers.filter((trainer) => trainer.userId === userId).map((trainer) => trainer.name),
      );
      for (const found of await this.items.inCourse(roster.courseId)) {
        if (!hasTrainerReplyBy(found, names)) continue;
        const changed = await update(this.items.revisions, found.id, (current) => {
          const item = current?.state;
          if (!item || !hasTrainerReplyBy(item, names)) return { save: 'nothing', result: false };
          return { save: 'state', next: withFormerTrainer(item, names), events: [], result: true };
        });
        if (changed) changedItems += 1;
      }
    }
    return changedItems;
  }

  /** Every key of his on the days the quota still holds, in every course he could have written in. */
  private async quotaKeys(userId: string, courses: readonly string[]): Promise<string[]> {
    const days = await this.quota.daysHeld();
    return days.flatMap((day) =>
      courses.flatMap((courseId) =>
        quotaKinds.map((kind) => this.tokens.quotaOf(kind, userId, courseId, day)),
      ),
    );
  }
}

/**
 * The item as it stays for its trainers: « Ancien participant » as its author and on his own replies,
 * and no author token, so that nothing computable from his id leads to it any more.
 */
function withFormerAuthor(item: FeedbackItem): FeedbackItem {
  return {
    ...item,
    authorToken: '',
    authorName: formerParticipantName,
    replies: item.replies.map((reply) =>
      reply.by === 'author' && reply.name !== undefined ? { ...reply, name: formerParticipantName } : reply,
    ),
  };
}

function isTrainerReplyBy(reply: FeedbackItem['replies'][number], names: ReadonlySet<string>): boolean {
  return reply.by === 'trainer' && reply.name !== undefined && names.has(reply.name);
}

function hasTrainerReplyBy(item: FeedbackItem, names: ReadonlySet<string>): boolean {
  return item.replies.some((reply) => isTrainerReplyBy(reply, names));
}

function withFormerTrainer(item: FeedbackItem, names: ReadonlySet<string>): FeedbackItem {
  return {
    ...item,
    replies: item.replies.map((reply) =>
      isTrainerReplyBy(reply, names) ? { ...reply, name: formerTrainerName } : reply,
    ),
  };
}
