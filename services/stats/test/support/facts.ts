import { randomUUID } from 'node:crypto';
import {
  contributionCounted,
  createEvent,
  firstReplyMeasured,
  participationCounted,
  type PendingEvent,
} from '@relais/contracts';

/**
 * Facts exactly as enrollment and feedback build them: through their contracts, with createEvent,
 * occurring in the month they name unless told otherwise (a first reply names its item's month).
 */
const origin = (source: string, month: string) => ({
  source,
  correlationId: randomUUID(),
  now: new Date(`${month}-15T10:00:00Z`),
});

/** A clock after the publication of every period these tests use (up to 2026-Q4, 2026-12). */
export const everyTestPeriodPublished = { settlingDays: 7, now: () => new Date('2027-02-01T12:00:00Z') };

const quarterFlags = (academy: string, themes: readonly string[]) =>
  (['month', 'quarter'] as const).flatMap((period) => [
    { dimension: 'academy' as const, value: academy, period },
    ...themes.map((theme) => ({ dimension: 'theme' as const, value: theme, period })),
  ]);

/**
 * `teachers` distinct teachers, each making this change for the first time in every cell of the
 * month and of its quarter: the data where margins are exactly the sums of their parts, the worst
 * case for differencing.
 */
export function participations(spec: {
  month: string;
  academy: string;
  themes: string[];
  change: 'enrolled' | 'withdrawn' | 'completed';
  teachers: number;
  hours?: number;
}): PendingEvent[] {
  return Array.from({ length: spec.teachers }, () =>
    createEvent(
      participationCounted,
      {
        month: spec.month,
        academy: spec.academy,
        themes: spec.themes,
        change: spec.change,
        creditedHoursDelta: spec.change === 'completed' ? (spec.hours ?? 0) : 0,
        newTeacherIn: quarterFlags(spec.academy, spec.themes),
      },
      origin('enrollment', spec.month),
    ),
  );
}

const everyGrouping = [
  'total',
  'academy',
  'category',
  'intensityBand',
  'academy+category',
  'academy+intensityBand',
  'category+intensityBand',
  'academy+category+intensityBand',
] as const;

type Category =
  | 'technical-access'
  | 'tool-usability'
  | 'workload-time'
  | 'content-relevance'
  | 'support-guidance'
  | 'other';
type Band = 'low' | 'medium' | 'high';

/** `teachers` distinct teachers, each posting one item: new respondents in every grouping. */
export function contributions(spec: {
  month: string;
  academy: string;
  category: Category;
  intensityBand: Band;
  teachers: number;
}): PendingEvent[] {
  return Array.from({ length: spec.teachers }, () =>
    createEvent(
      contributionCounted,
      {
        month: spec.month,
        academy: spec.academy,
        category: spec.category,
        intensityBand: spec.intensityBand,
        firstContributionIn: [...everyGrouping],
      },
      origin('feedback', spec.month),
    ),
  );
}

export function firstReplies(spec: {
  month: string;
  academy: string;
  category: Category;
  intensityBand: Band;
  days: number[];
  /** The month of the reply, when later than the item's. */
  repliedIn?: string;
}): PendingEvent[] {
  return spec.days.map((daysToFirstReply) =>
    createEvent(
      firstReplyMeasured,
      {
        month: spec.month,
        academy: spec.academy,
        category: spec.category,
        intensityBand: spec.intensityBand,
        daysToFirstReply,
      },
      origin('feedback', spec.repliedIn ?? spec.month),
    ),
  );
}
