import type { EventOrigin, PendingEvent } from '@relais/contracts';
import { membershipOf, type RosterStore } from '@relais/roster';
import {
  addReply,
  changeStatus,
  smallCourseThreshold,
  trainerReadingOrder,
  type FeedbackCategory,
  type FeedbackItem,
  type FeedbackStatus,
  type ItemRole,
  type Visibility,
} from '../domain/feedback-item';
import type { RequestContext } from './actor';
import { dayOf } from './calendar';
import { ConcurrentUpdate, CourseNotFound, FeedbackNotFound } from './errors';
import type { FeedbackFacts } from './feedback-facts';
import type { KeyedTokens } from './keyed-tokens';
import type { Clock, FeedbackItemStore, StoredItem } from './ports';
import type { Quotas } from './quotas';

export interface NewFeedback {
  category: FeedbackCategory;
  intensity: number;
  message: string;
  visibility: Visibility;
}

export interface PostedFeedback {
  item: FeedbackItem;
  /** An anonymous item in a course this small may still be recognised by its trainers. */
  smallCourse: boolean;
}

export interface CourseFeedback {
  courseId: string;
  items: FeedbackItem[];
  counts: Record<FeedbackStatus, number>;
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

const maxSaveAttempts = 8;

/** L12: teacher → trainer → reply → status, without exposing the teacher to anyone else. */
export class FeedbackUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly items: FeedbackItemStore,
    private readonly facts: FeedbackFacts,
    private readonly tokens: KeyedTokens,
    private readonly quotas: Quotas,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async post(
    { actor, correlationId }: RequestContext,
    courseId: string,
    input: NewFeedback,
  ): Promise<PostedFeedback> {
    const roster = await this.rosters.get(courseId);
    // A roster still missing its course event has no academy: the course is not known here yet.
    if (!roster?.academy || membershipOf(roster, actor.id) !== 'participant') throw new CourseNotFound();
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
    await this.items.insert(item, [fact]);
    await this.facts.markCounted(countedTokens);
    return {
      item,
      smallCourse: input.visibility === 'anonymous' && roster.participants.length < smallCourseThreshold,
    };
  }

  async courseFeedback(actor: RequestContext['actor'], courseId: string): Promise<CourseFeedback> {
    const roster = await this.rosters.get(courseId);
    if (membershipOf(roster, actor.id) !== 'trainer') throw new CourseNotFound();
    const items = (await this.items.inCourse(courseId)).sort(trainerReadingOrder);
    const counts = { open: 0, acknowledged: 0, addressed: 0 };
    for (const item of items) counts[item.status] += 1;
    return { courseId, items, counts };
  }

  async reply(context: RequestContext, itemId: string, message: string): Promise<ItemAccess> {
    const { actor } = context;
    // The quota is taken once, before any save attempt: a retried save must not use a second slot.
    const first = await this.access(actor.id, itemId);
    if (first.role === 'author') await this.quotas.take('reply', actor.id, first.stored.item.courseId);
    return this.change(context, itemId, (access) => {
      const { item } = access.stored;
      const postedOn = dayOf(this.clock.now());
      const name = access.role === 'trainer' || item.visibility === 'named' ? { name: actor.name } : {};
      const outcome = addReply(item, { id: this.newId(), by: access.role, ...name, message, postedOn });
      const events =
        outcome.daysToFirstReply === undefined
          ? []
          : [this.facts.firstReplyOf(item, outcome.daysToFirstReply, this.origin(context.correlationId))];
      return { next: outcome.item, events };
    });
  }

  async setStatus(context: RequestContext, itemId: string, status: FeedbackStatus): Promise<ItemAccess> {
    return this.change(context, itemId, (access) => ({
      next: changeStatus(access.stored.item, status, access.role),
      events: [],
    }));
  }

  /** The author takes an item back: it leaves the trainers' view and its content is forgotten. */
  async withdraw({ actor }: RequestContext, itemId: string): Promise<void> {
    for (let attempt = 0; attempt < maxSaveAttempts; attempt += 1) {
      const access = await this.access(actor.id, itemId);
      if (access.role !== 'author') throw new FeedbackNotFound();
      if (await this.items.remove(access.stored)) return;
    }
    throw new ConcurrentUpdate();
  }

  /** A teacher's own items, in the courses he still takes part in, newest first. */
  async mine(actor: RequestContext['actor']): Promise<OwnFeedback[]> {
    const courses = (await this.rosters.coursesOf(actor.id)).filter(
      (roster) => membershipOf(roster, actor.id) === 'participant',
    );
    const own = await Promise.all(
      courses.map(async (roster) =>
        (await this.items.inCourse(roster.courseId))
          .filter((item) => this.tokens.isAuthor(item, actor.id))
          .map((item) => ({ item, courseTitle: roster.title })),
      ),
    );
    return own.flat().sort((a, b) => trainerReadingOrder(a.item, b.item));
  }

  /** L1: a teacher who leaves a course takes his items with him (roster hook, idempotent). */
  async participantLeft(courseId: string, userId: string): Promise<void> {
    const items = (await this.items.inCourse(courseId)).filter((item) => this.tokens.isAuthor(item, userId));
    for (const item of items) {
      for (let attempt = 0; attempt < maxSaveAttempts; attempt += 1) {
        const stored = await this.items.findById(item.id);
        if (!stored || (await this.items.remove(stored))) break;
      }
    }
  }

  private async access(userId: string, itemId: string): Promise<ItemAccess> {
    const stored = await this.items.findById(itemId);
    if (!stored) throw new FeedbackNotFound();
    const membership = membershipOf(await this.rosters.get(stored.item.courseId), userId);
    if (membership === 'trainer') return { stored, role: 'trainer' };
    if (membership === 'participant' && this.tokens.isAuthor(stored.item, userId)) {
      return { stored, role: 'author' };
    }
    throw new FeedbackNotFound();
  }

  /** Read, apply a rule, save over the revision read; read again when someone saved meanwhile. */
  private async change(
    { actor }: RequestContext,
    itemId: string,
    rule: (access: ItemAccess) => { next: FeedbackItem; events: PendingEvent[] },
  ): Promise<ItemAccess> {
    for (let attempt = 0; attempt < maxSaveAttempts; attempt += 1) {
      const access = await this.access(actor.id, itemId);
      const { next, events } = rule(access);
      if (next === access.stored.item) return access;
      if (await this.items.replace(access.stored, next, events)) {
        return { role: access.role, stored: { item: next, revision: access.stored.revision + 1 } };
      }
    }
    throw new ConcurrentUpdate();
  }

  private origin(correlationId: string): EventOrigin {
    return { source: 'feedback', correlationId, now: this.clock.now() };
  }
}
