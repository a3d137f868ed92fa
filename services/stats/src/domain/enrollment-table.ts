import type { Period } from './period';
import { publishCount, publishSum, type PublishedValue, type SuppressionRule } from './suppression';

/** The anonymous fact as stats keeps it: no person, no school, no course. */
export interface ParticipationFact {
  month: string;
  academy: string;
  themes: string[];
  change: 'enrolled' | 'withdrawn' | 'completed' | 'completion-revoked';
  creditedHoursDelta: number;
  newTeacherIn: { dimension: 'academy' | 'theme'; value: string; period: 'month' | 'quarter' }[];
}

export type EnrollmentDimension = 'academy' | 'theme';
export type EnrollmentMeasure =
  'teachers-enrolled' | 'teachers-completed' | 'teachers-withdrawn' | 'credited-hours';

export type EnrollmentCell = { [dimension in EnrollmentDimension]?: string } & {
  measure: EnrollmentMeasure;
} & PublishedValue;

const measureOfChange = {
  enrolled: 'teachers-enrolled',
  completed: 'teachers-completed',
  withdrawn: 'teachers-withdrawn',
} as const;

interface Tally {
  'teachers-enrolled': number;
  'teachers-completed': number;
  'teachers-withdrawn': number;
  hours: number;
}

const valuesOf = (fact: ParticipationFact, by: EnrollmentDimension): string[] =>
  by === 'academy' ? [fact.academy] : fact.themes;

/** Counts distinct teachers from the facts' "new teacher in this cell" flags, then suppresses. */
export function enrollmentTable(
  facts: readonly ParticipationFact[],
  period: Period,
  by: EnrollmentDimension,
  rule: SuppressionRule,
): EnrollmentCell[] {
  const tallies = new Map<string, Tally>();
  const tallyOf = (value: string) => {
    let tally = tallies.get(value);
    if (!tally) {
      tally = { 'teachers-enrolled': 0, 'teachers-completed': 0, 'teachers-withdrawn': 0, hours: 0 };
      tallies.set(value, tally);
    }
    return tally;
  };
  for (const fact of facts) {
    if (!period.months.includes(fact.month)) continue;
    for (const value of valuesOf(fact, by)) {
      const tally = tallyOf(value);
      tally.hours += fact.creditedHoursDelta;
      if (fact.change === 'completion-revoked') continue;
      const isNew = fact.newTeacherIn.some(
        (cell) => cell.dimension === by && cell.value === value && cell.period === period.kind,
      );
      if (isNew) tally[measureOfChange[fact.change]] += 1;
    }
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([value, tally]) => [
      ...(['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn'] as const).map((measure) => ({
        [by]: value,
        measure,
        ...publishCount(tally[measure], rule),
      })),
      {
        [by]: value,
        measure: 'credited-hours' as const,
        ...publishSum(tally.hours, tally['teachers-completed'], rule),
      },
    ]);
}
