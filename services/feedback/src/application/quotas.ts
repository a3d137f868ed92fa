import { dayOf, secondsUntilNextDay } from './calendar';
import { DailyLimitReached, type QuotaKind } from './errors';
import type { KeyedTokens } from './keyed-tokens';
import type { Clock, DailyQuota } from './ports';

/** How many writes a person may make a day in one course, so that nobody floods a trainer. */
export interface FeedbackLimits {
  feedbackPerDay: number;
  authorRepliesPerDay: number;
  messagesPerDay: number;
}

export const defaultLimits: FeedbackLimits = {
  feedbackPerDay: 5,
  authorRepliesPerDay: 20,
  messagesPerDay: 30,
};

const limitOf: Record<QuotaKind, keyof FeedbackLimits> = {
  feedback: 'feedbackPerDay',
  reply: 'authorRepliesPerDay',
  message: 'messagesPerDay',
};

export class Quotas {
  constructor(
    private readonly quota: DailyQuota,
    private readonly tokens: KeyedTokens,
    private readonly limits: FeedbackLimits,
    private readonly clock: Clock,
  ) {}

  /** Uses one write of today's allowance, or throws DailyLimitReached (a 429 with Retry-After). */
  async take(kind: QuotaKind, userId: string, courseId: string): Promise<void> {
    const now = this.clock.now();
    const day = dayOf(now);
    const limit = this.limits[limitOf[kind]];
    const key = this.tokens.quotaOf(kind, userId, courseId, day);
    if (!(await this.quota.take(key, day, limit))) {
      throw new DailyLimitReached(kind, limit, secondsUntilNextDay(now));
    }
  }
}
