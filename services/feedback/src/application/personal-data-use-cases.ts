import type { CollectedPersonalData } from '@relais/platform';
import { membershipOf, rosterRecordsOf, type RosterStore } from '@relais/roster';
import type { FeedbackItem, Reply } from '../domain/feedback-item';
import type { Actor } from './actor';
import type { QuotaKind } from './errors';
import type { FeedbackUseCases } from './feedback-use-cases';
import type { KeyedTokens } from './keyed-tokens';
import type {
  AuthorshipIndex,
  DailyQuota,
  FeedbackItemStore,
  MessageStore,
  PendingEventSummary,
} from './ports';

type ExportedRecord = Record<string, unknown>;

const quotaActions: Record<QuotaKind, string> = { feedback: 'retour', reply: 'réponse', message: 'message' };

/**
 * Collects, for the caller alone, the records declared in `personal-data.ts`. Items hold no author id
 * (ADR 0009): the caller's own items are those whose keyed token recomputes for him, the very check
 * that lets him reply to, reopen or withdraw one (`FeedbackUseCases.mine`). Nothing here is looked up
 * for anyone but the authenticated caller.
 */
export class PersonalDataUseCases {
  constructor(
    private readonly feedback: FeedbackUseCases,
    private readonly rosters: RosterStore,
    private readonly items: FeedbackItemStore,
    private readonly authorship: AuthorshipIndex,
    private readonly messages: MessageStore,
    private readonly quota: DailyQuota,
    private readonly tokens: KeyedTokens,
  ) {}

  /** `GET /me/data`: what names the caller or is stored under his account id. */
  async heldAbout(actor: Actor): Promise<CollectedPersonalData> {
    const signed = (await this.feedback.mine(actor))
      .map(({ item }) => item)
      .filter((item) => item.visibility === 'named');
    return {
      'course-rosters': await rosterRecordsOf(this.rosters, actor.id),
      'named-feedback': await this.ownItemRecords(signed),
      'trainer-replies': await this.trainerReplies(actor),
      messages: await this.messageRecords(actor.id),
    };
  }

  /**
   * `GET /me/data/anonymous-authorship`: what only the caller's own request ties to him, by recomputing
   * his keyed tokens. Another person's request recomputes other tokens, which match none of these.
   */
  async anonymousAuthorshipOf(actor: Actor): Promise<CollectedPersonalData> {
    const anonymous = (await this.feedback.mine(actor))
      .map(({ item }) => item)
      .filter((item) => item.visibility === 'anonymous');
    const memberOf = (await this.rosters.coursesOf(actor.id)).map((roster) => roster.courseId);
    const wroteIn = await this.coursesWrittenIn(actor.id, memberOf);
    return {
      'anonymous-feedback': await this.ownItemRecords(anonymous),
      'feedback-authorship': wroteIn.map((courseId) => ({ courseId })),
      'daily-quota': await this.quotaRecords(actor.id, [...memberOf, ...wroteIn]),
    };
  }

  private async ownItemRecords(items: readonly FeedbackItem[]): Promise<ExportedRecord[]> {
    const pending = await this.items.pendingEventsOf(items.map((item) => item.id));
    return items.map((item) => ({
      itemId: item.id,
      courseId: item.courseId,
      category: item.category,
      intensity: item.intensity,
      message: item.message,
      ...(item.visibility === 'named' && item.authorName ? { authorName: item.authorName } : {}),
      status: item.status,
      postedOn: item.postedOn,
      ...(item.firstTrainerReplyOn ? { firstTrainerReplyOn: item.firstTrainerReplyOn } : {}),
      replies: item.replies.map((reply) => replyAsTheAuthorReadsIt(item, reply)),
      ...pendingEventsField(pending.get(item.id)),
    }));
  }

  /**
   * Replies store the trainer's name, not his id (a trainer's replies were never looked up by person),
   * so his own are the trainer replies under his name in the courses he trains now. A namesake
   * co-trainer's replies would be included (he reads them in the same inbox anyway); replies in a
   * course he no longer trains, or under a former name, are not found.
   */
  private async trainerReplies(actor: Actor): Promise<ExportedRecord[]> {
    const trained = (await this.rosters.coursesOf(actor.id)).filter(
      (roster) => membershipOf(roster, actor.id) === 'trainer',
    );
    const records = await Promise.all(
      trained.map(async (roster) => {
        const names = new Set([
          actor.name,
          ...roster.trainers.filter((trainer) => trainer.userId === actor.id).map((trainer) => trainer.name),
        ]);
        return (await this.items.inCourse(roster.courseId)).flatMap((item) =>
          item.replies
            .filter((reply) => reply.by === 'trainer' && reply.name !== undefined && names.has(reply.name))
            .map((reply) => ({
              itemId: item.id,
              courseId: item.courseId,
              replyId: reply.id,
              yourName: reply.name,
              text: reply.message,
              repliedOn: reply.postedOn,
            })),
        );
      }),
    );
    return records.flat();
  }

  private async messageRecords(userId: string): Promise<ExportedRecord[]> {
    return (await this.messages.heldAbout(userId)).map(({ message, pendingEvents }) => {
      const sent = message.fromUserId === userId;
      return {
        messageId: message.id,
        courseId: message.courseId,
        direction: sent ? 'envoyé' : 'reçu',
        yourName: sent ? message.fromName : message.toName,
        counterpartName: sent ? message.toName : message.fromName,
        text: message.text,
        sentOn: message.sentOn,
        ...pendingEventsField(pendingEvents),
      };
    });
  }

  /**
   * The courses whose authorship token (ADR 0016) recomputes for him: among those that hold items and
   * those he is a member of. A course he left whose items were all withdrawn is neither, so its token,
   * which nothing can name any more, is not found.
   */
  private async coursesWrittenIn(userId: string, memberOf: readonly string[]): Promise<string[]> {
    const candidates = new Set([...memberOf, ...(await this.items.coursesWithItems())]);
    const courseOf = new Map(
      [...candidates].map((courseId) => [this.tokens.authorIn(userId, courseId), courseId]),
    );
    const recorded = await this.authorship.recorded([...courseOf.keys()]);
    return [...recorded].flatMap((token) => courseOf.get(token) ?? []).sort();
  }

  /** His slots on the days the quota still holds, in the courses he could have written in. */
  private async quotaRecords(userId: string, courses: readonly string[]): Promise<ExportedRecord[]> {
    const days = await this.quota.daysHeld();
    const keys = new Map<string, ExportedRecord>();
    for (const day of days) {
      for (const courseId of new Set(courses)) {
        for (const [kind, action] of Object.entries(quotaActions) as [QuotaKind, string][]) {
          keys.set(this.tokens.quotaOf(kind, userId, courseId, day), { action, courseId, day });
        }
      }
    }
    const used = await this.quota.used([...keys.keys()]);
    return [...used].map(([key, count]) => ({ ...keys.get(key), used: count }));
  }
}

/** A reply as the portal shows it to the item's author: an anonymous author's own replies bear no name. */
function replyAsTheAuthorReadsIt(item: FeedbackItem, reply: Reply): ExportedRecord {
  return {
    by: reply.by === 'trainer' ? 'formateur' : 'vous',
    ...(reply.name !== undefined && (reply.by === 'trainer' || item.visibility === 'named')
      ? { name: reply.name }
      : {}),
    message: reply.message,
    postedOn: reply.postedOn,
  };
}

function pendingEventsField(events: readonly PendingEventSummary[] | undefined): ExportedRecord {
  return events && events.length > 0
    ? { pendingEvents: events.map(({ type, occurredOn }) => ({ type, occurredOn })) }
    : {};
}
