import {
  createEvent,
  feedbackItemPosted,
  feedbackReplyPosted,
  feedbackStatusChanged,
  sealRecipient,
  type EventOrigin,
  type PendingEvent,
} from '@relais/contracts';
import { update, type Revision } from '@relais/store/revisions';
import { membershipOf, type RosterStore } from '@relais/roster';
import {
  addReply,
  anonymityHolds,
  changeStatus,
  trainerReadingOrder,
  type FeedbackCategory,
  type FeedbackItem,
  type FeedbackStatus,
  type ItemRole,
  type Visibility,
} from '../domain/feedback-item';
import type { RequestContext } from './actor';
import { dayOf } from './calendar';
import { AnonymityThresholdNotMet, CourseNotFound, FeedbackNotFound } from './errors';
import type { FeedbackFacts } from './feedback-facts';
import type { KeyedTokens } from './keyed-tokens';
import type { AuthorshipIndex, Clock, FeedbackItemStore, StoredItem } from './ports';
import type { Quotas } from './quotas';

export interface NewFeedback {
  category: FeedbackCategory;
  intensity: number;
  message: string;
  visibility: Visibility;
}

export interface CourseFeedback {
  courseId: string;
  items: TrainerItem[];
  counts: Record<FeedbackStatus, number>;
}

/** An item as its course's trainers read it. */
export interface TrainerItem {
  item: FeedbackItem;
  /** Only ever true on a named item whose author is no longer a participant of the course. */
  fromFormerParticipant: boolean;
}

export interface FeedbackOptions {
  anonymityThreshold: number;
  /** Whether an anonymous item would be accepted in this course now. */
  anonymousAvailable: boolean;
}

export interface OwnFeedback {
  item: FeedbackItem;
  courseTitle: string;
}

/** The item as the caller may act on it: as a trainer of its course, or as its author. */
export interface ItemAccess {
  stored: StoredItem;
  role: ItemRole;
}

/** L12: teacher → trainer → reply → status, without exposing the teacher to anyone else. */
export class FeedbackUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly items: FeedbackItemStore,
    private readonly authorship: AuthorshipIndex,
    private readonly anonymityThreshold: number,
    private readonly facts: FeedbackFacts,
    private readonly tokens: KeyedTokens,
    private readonly quotas: Quotas,
    private readonly clock: Clock,
    private readonly newId: () => string,
    /** The notifications service's public key: the author is sealed for it alone (ADR 0030). */
    private readonly recipientSealKey?: string,
  ) {}

  async post(
    { actor, correlationId }: RequestContext,
    courseId: string,
    input: NewFeedback,
  ): Promise<FeedbackItem> {
    const roster = await this.rosters.get(courseId);
    // A roster still missing its course event has no academy: the course is not known here yet.
    if (!roster?.academy || membershipOf(roster, actor.id) !== 'participant') throw new CourseNotFound();
    // Checked before the quota: a refused item must not use one of the day's writes.
    if (
      input.visibility === 'anonymous' &&
      !anonymityHolds(roster.participants.length, this.anonymityThreshold)
    ) {
      throw new AnonymityThresholdNotMet(this.anonymityThreshold);
    }
    await this.quotas.take('feedback', actor.id, courseId);
    const id = this.newId();
    const item: FeedbackItem = {
      id,
      courseId,
      academy: roster.academy,
      category: input.category,
      intensity: input.intensity,
      message: input.message,
      visibility: input.visibility,
      authorToken: this.tokens.authorOf(actor.id, courseId, id),
      ...(input.visibility === 'named' ? { authorName: actor.name } : {}),
      status: 'open',
      postedOn: dayOf(this.clock.now()),
      replies: [],
    };
    const { fact, countedTokens } = await this.facts.contributionOf(
      actor.id,
      item,
      this.origin(correlationId),
    );
    const posted = createEvent(
      feedbackItemPosted,
      {
        courseId,
        itemId: id,
        anonymous: item.visibility === 'anonymous',
        ...(this.recipientSealKey ? { sealedAuthor: sealRecipient(this.recipientSealKey, actor.id) } : {}),
      },
      this.origin(correlationId),
    );
    await this.items.insert(item, [fact, posted]);
    await this.facts.markCounted(countedTokens);
    // After the insert: a crash in between costs the author only his view of this item once he left.
    await this.authorship.record(this.tokens.authorIn(actor.id, courseId));
    return item;
  }

  /** What a member may send in this course now; the same 404 as every course route otherwise. */
  async feedbackOptions(actor: RequestContext['actor'], courseId: string): Promise<FeedbackOptions> {
    const roster = await this.rosters.get(courseId);
    if (!roster?.academy || membershipOf(roster, actor.id) === 'none') throw new CourseNotFound();
    return {
      anonymityThreshold: this.anonymityThreshold,
      anonymousAvailable: anonymityHolds(roster.participants.length, this.anonymityThreshold),
    };
  }

  /**
   * Every item of the course, whoever is still a participant (docs/design.md §7: anonymous items outlive
   * their author). The roster is read only to mark a named item whose author has left; an anonymous
   * item is never compared with it, so nothing the trainer sees of one depends on who is still there.
   */
  async courseFeedback(actor: RequestContext['actor'], courseId: string): Promise<CourseFeedback> {
    const roster = await this.rosters.get(courseId);
    if (!roster || membershipOf(roster, actor.id) !== 'trainer') throw new CourseNotFound();
    const items = (await this.items.inCourse(courseId)).sort(trainerReadingOrder);
    const counts = { open: 0, acknowledged: 0, addressed: 0 };
    for (const item of items) counts[item.status] += 1;
    return {
      courseId,
      counts,
      items: items.map((item) => ({
        item,
        fromFormerParticipant:
          item.visibility === 'named' &&
          !roster.participants.some((participant) => this.tokens.isAuthor(item, participant.userId)),
      })),
    };
  }

  async reply(context: RequestContext, itemId: string, message: string): Promise<ItemAccess> {
    const { actor } = context;
    // The quota is taken once, before any save attempt: a retried save must not use a second slot.
    const first = await this.accessTo(actor.id, await this.items.findById(itemId));
    if (first.role === 'author') await this.quotas.take('reply', actor.id, first.stored.item.courseId);
    return this.change(context, itemId, (access) => {
      const { item } = access.stored;
      const postedOn = dayOf(this.clock.now());
      const name = access.role === 'trainer' || item.visibility === 'named' ? { name: actor.name } : {};
      const outcome = addReply(item, { id: this.newId(), by: access.role, ...name, message, postedOn });
      const origin = this.origin(context.correlationId);
      const firstReply =
        outcome.daysToFirstReply === undefined
          ? []
          : [this.facts.firstReplyOf(item, outcome.daysToFirstReply, origin)];
      // The author is told of a trainer's reply; trainers of an author's, by reading their inbox.
      const notice =
        access.role === 'trainer'
          ? [createEvent(feedbackReplyPosted, { courseId: item.courseId, itemId: item.id }, origin)]
          : [];
      return { next: outcome.item, events: [...firstReply, ...notice] };
    });
  }

  async setStatus(context: RequestContext, itemId: string, status: FeedbackStatus): Promise<ItemAccess> {
    return this.change(context, itemId, (access) => {
      const next = changeStatus(access.stored.item, status, access.role);
      const { courseId, id } = next;
      // Only a trainer's decision is announced: a reopening is the author's own act.
      const events =
        access.role === 'trainer' && next !== access.stored.item && next.status !== 'open'
          ? [
              createEvent(
                feedbackStatusChanged,
                { courseId, itemId: id, status: next.status },
                this.origin(context.correlationId),
              ),
            ]
          : [];
      return { next, events };
    });
  }

  /** The author takes an item back: it leaves the trainers' view and its content is forgotten. */
  async withdraw({ actor }: RequestContext, itemId: string): Promise<void> {
    await update(this.items.revisions, itemId, async (current) => {
      const access = await this.accessTo(actor.id, storedOf(current));
      if (access.role !== 'author') throw new FeedbackNotFound();
      return { save: 'removal', result: undefined };
    });
  }

  /**
   * A teacher's own items, newest first: in the courses he takes part in, and in those he wrote in
   * and has left since (his items stay his: he may still read, answer, reopen or withdraw them).
   */
  async mine(actor: RequestContext['actor']): Promise<OwnFeedback[]> {
    const current = (await this.rosters.coursesOf(actor.id))
      .filter((roster) => membershipOf(roster, actor.id) === 'participant')
      .map((roster) => roster.courseId);
    const candidates = await this.items.coursesWithItems();
    const tokenOf = new Map(
      candidates.map((courseId) => [this.tokens.authorIn(actor.id, courseId), courseId]),
    );
    const recorded = await this.authorship.recorded([...tokenOf.keys()]);
    const writtenIn = [...recorded].flatMap((token) => tokenOf.get(token) ?? []);
    const own = await Promise.all(
      [...new Set([...current, ...writtenIn])].map(async (courseId) => {
        const mine = (await this.items.inCourse(courseId)).filter((item) =>
          this.tokens.isAuthor(item, actor.id),
        );
        if (mine.length === 0) return [];
        const courseTitle = (await this.rosters.get(courseId))?.title ?? '';
        return mine.map((item) => ({ item, courseTitle }));
      }),
    );
    return own.flat().sort((a, b) => trainerReadingOrder(a.item, b.item));
  }

  /**
   * The author is recognised by his token alone, member or not: one who left keeps his items. Were
   * he refused once gone, any author's reply after a departure would prove the leaver did not write
   * that item.
   */
  private async accessTo(userId: string, stored: StoredItem | undefined): Promise<ItemAccess> {
    if (!stored) throw new FeedbackNotFound();
    const membership = membershipOf(await this.rosters.get(stored.item.courseId), userId);
    if (membership === 'trainer') return { stored, role: 'trainer' };
    if (this.tokens.isAuthor(stored.item, userId)) return { stored, role: 'author' };
    throw new FeedbackNotFound();
  }

  /** Applies a rule to the latest revision and saves over it; again on a newer one if it lost a race. */
  private async change(
    { actor }: RequestContext,
    itemId: string,
    rule: (access: ItemAccess) => { next: FeedbackItem; events: PendingEvent[] },
  ): Promise<ItemAccess> {
    return update<FeedbackItem, ItemAccess>(this.items.revisions, itemId, async (current) => {
      const access = await this.accessTo(actor.id, storedOf(current));
      const { next, events } = rule(access);
      if (next === access.stored.item) return { save: 'nothing', result: access };
      const saved = { item: next, revision: access.stored.revision + 1 };
      return { save: 'state', next, events, result: { role: access.role, stored: saved } };
    });
  }

  private origin(correlationId: string): EventOrigin {
    return { source: 'feedback', correlationId, now: this.clock.now() };
  }
}

function storedOf(revision: Revision<FeedbackItem> | undefined): StoredItem | undefined {
  return revision && { item: revision.state, revision: revision.revision };
}
