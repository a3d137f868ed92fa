import { ALL } from './disclosure/cell-family';

/**
 * Tables are kept as counters, each a named tally that a fact raises by one. Names end with the one
 * free-text-like value (a theme), so they can be read back by splitting on the first separators.
 * Nothing here names a person: only calendar months, academies, themes, categories and bands.
 */
export type Counters = ReadonlyMap<string, number>;

export type CountedChange = 'enrolled' | 'withdrawn' | 'completed';
export type EnrollmentDimension = 'academy' | 'theme';
export type CountingPeriod = 'month' | 'quarter';

/** The anonymous enrollment fact as stats reads it (`enrollment.participation.counted.v1`). */
export interface ParticipationFact {
  month: string;
  academy: string;
  themes: string[];
  change: CountedChange | 'completion-revoked';
  creditedHoursDelta: number;
  newTeacherIn: { dimension: EnrollmentDimension; value: string; period: CountingPeriod }[];
}

/** `feedback.contribution.counted.v1` as stats reads it. */
export interface ContributionFact {
  month: string;
  academy: string;
  category: string;
  intensityBand: string;
  firstContributionIn: string[];
}

/** `feedback.first-reply.measured.v1` as stats reads it. */
export interface FirstReplyFact {
  month: string;
  academy: string;
  category: string;
  intensityBand: string;
  daysToFirstReply: number;
}

const SEPARATOR = '|';

export const teachersKey = (
  change: CountedChange,
  dimension: EnrollmentDimension,
  period: CountingPeriod,
  value: string,
) => ['teachers', change, dimension, period, value].join(SEPARATOR);

/** One completion credited (positive amount) or revoked (negative) in a cell of the month. */
export const hoursKey = (dimension: EnrollmentDimension, amount: number, value: string) =>
  ['hours', dimension, String(amount), value].join(SEPARATOR);

export interface FeedbackCoordinates {
  academy: string;
  category: string;
  intensityBand: string;
}

export const respondentsKey = (cell: FeedbackCoordinates) =>
  ['respondents', cell.academy, cell.category, cell.intensityBand].join(SEPARATOR);

export const replyKey = (cell: FeedbackCoordinates, days: number) =>
  ['reply', cell.academy, cell.category, cell.intensityBand, String(days)].join(SEPARATOR);

export function participationIncrements(fact: ParticipationFact): string[] {
  const increments: string[] = [];
  if (fact.change !== 'completion-revoked') {
    const change = fact.change;
    for (const cell of fact.newTeacherIn)
      increments.push(teachersKey(change, cell.dimension, cell.period, cell.value));
  }
  if (fact.creditedHoursDelta !== 0) {
    increments.push(hoursKey('academy', fact.creditedHoursDelta, fact.academy));
    for (const theme of new Set(fact.themes))
      increments.push(hoursKey('theme', fact.creditedHoursDelta, theme));
  }
  return increments;
}

/** `firstContributionIn` names the dimensions of each cell; the others are margins (ALL). */
export function contributionIncrements(fact: ContributionFact): string[] {
  return [...new Set(fact.firstContributionIn)].map((grouping) => {
    const dimensions = grouping === 'total' ? [] : grouping.split('+');
    const valueOf = (dimension: keyof FeedbackCoordinates) =>
      dimensions.includes(dimension) ? fact[dimension] : ALL;
    return respondentsKey({
      academy: valueOf('academy'),
      category: valueOf('category'),
      intensityBand: valueOf('intensityBand'),
    });
  });
}

export function firstReplyIncrements(fact: FirstReplyFact): string[] {
  return [replyKey(fact, fact.daysToFirstReply)];
}

/** Splits a counter name into its `fixed` leading parts and the rest (which may hold separators). */
export function partsOf(key: string, fixed: number): string[] {
  const parts = key.split(SEPARATOR);
  return [...parts.slice(0, fixed), parts.slice(fixed).join(SEPARATOR)];
}

export function addCounters(into: Map<string, number>, from: Counters): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}
