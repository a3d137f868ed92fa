import { randomUUID } from 'node:crypto';
import {
  contributionCounted,
  createEvent,
  feedbackCategory,
  intensityBand,
  participationCounted,
  respondentCell,
  type PendingEvent,
} from '@relais/contracts';
import type { z } from 'zod';

type ParticipationFact = z.input<typeof participationCounted.schema>;
type ContributionFact = z.input<typeof contributionCounted.schema>;

/**
 * Facts shaped like a national year and more: 30 academies, 20 themes, 36 months, every feedback
 * category and band. Deterministic (a seeded generator), so two runs measure the same work.
 */
const academies = Array.from(
  { length: 30 },
  (_, index) => `academy-${String.fromCharCode(97 + (index % 26), 97 + Math.floor(index / 26))}`,
);
const themes = Array.from({ length: 20 }, (_, index) => `theme-${index}`);
/**
 * The 36 calendar months that ended before this one. Facts are dated in their month, and Kafka 4
 * refuses a record time more than an hour ahead (`log.message.timestamp.after.max.ms`, KIP-937), so a
 * fixed calendar would start failing as soon as one of its months lay in the future.
 */
export const benchMonths = Array.from({ length: 36 }, (_, index) => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 36 + index, 1));
  return month.toISOString().slice(0, 7);
});

/** Facts occur in the month they name, as the services date them, so stats counts them there. */
export const originIn = (month: string) => ({
  source: 'bench',
  correlationId: randomUUID(),
  now: new Date(`${month}-15T12:00:00Z`),
});

export class SyntheticFacts {
  private seed = 42;

  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.seed / 2_147_483_648;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  participation(month = this.pick(benchMonths)): ParticipationFact {
    const academy = this.pick(academies);
    const theme = this.pick(themes);
    return {
      month,
      academy,
      themes: [theme],
      change: this.pick(['enrolled', 'enrolled', 'completed', 'withdrawn'] as const),
      creditedHoursDelta: 0,
      newTeacherIn: [
        { dimension: 'academy', value: academy, period: 'month' },
        { dimension: 'theme', value: theme, period: 'quarter' },
      ],
    };
  }

  contribution(month = this.pick(benchMonths)): ContributionFact {
    return {
      month,
      academy: this.pick(academies),
      category: this.pick(feedbackCategory.options),
      intensityBand: this.pick(intensityBand.options),
      firstContributionIn: respondentCell.options.filter(() => this.random() < 0.7),
    };
  }

  /** A feedback fact of the given month, as feedback publishes it. */
  contributionEvent(month: string): PendingEvent {
    return createEvent(contributionCounted, this.contribution(month), originIn(month));
  }

  /** Half enrollment facts, half feedback facts, as the services would publish them. */
  event(index: number): PendingEvent {
    if (index % 2 === 0) {
      const fact = this.participation();
      return createEvent(participationCounted, fact, originIn(fact.month));
    }
    const fact = this.contribution();
    return createEvent(contributionCounted, fact, originIn(fact.month));
  }
}
