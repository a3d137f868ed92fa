import { ALL, CellFamily, keyOf, type CellInput, type Coordinates } from './disclosure/cell-family';
import type { LinearSolver } from './disclosure/linear-solver';
import { protectFamily, type Suppression } from './disclosure/secondary-suppression';
import type { Period } from './period';
import {
  failsSumRules,
  isSmallCount,
  published,
  type PublishedValue,
  type SuppressionRule,
} from './suppression';
import { partsOf, teachersKey, type CountedChange, type Counters, type EnrollmentDimension } from './tallies';

export type { EnrollmentDimension, ParticipationFact } from './tallies';

export const countMeasures = {
  'teachers-enrolled': 'enrolled',
  'teachers-completed': 'completed',
  'teachers-withdrawn': 'withdrawn',
} as const satisfies Record<string, CountedChange>;

export type EnrollmentMeasure = keyof typeof countMeasures | 'credited-hours';
export const enrollmentMeasures: readonly EnrollmentMeasure[] = [
  'teachers-enrolled',
  'teachers-completed',
  'teachers-withdrawn',
  'credited-hours',
];

export type EnrollmentCell = { [dimension in EnrollmentDimension]?: string } & {
  measure: EnrollmentMeasure;
} & PublishedValue;

/**
 * The ministry's tables of one quarter form one family: its three months and the quarter itself, by
 * academy and by theme, joined by the national total of each period. The period axis has the quarter
 * as its margin, so a quarter and its months are protected together.
 *
 * The national total is the sum of the academies (ADR 0023): a course belongs to one academy and a
 * teacher enrolls in his own academy's courses, so that sum counts each teacher once, except one who
 * moved academy within the period (counted in each). Facts carry no "first time nationally" flag, so
 * no other total could be counted. It is published under the same rules as any cell (a count of 1 to
 * 10 is hidden; hours need their contributions) and protected with the family, so that the total
 * minus the published academies, or minus the published themes, never gives a hidden cell away.
 */
const axes = ['academy', 'theme', 'period'] as const;
const dimensions: readonly EnrollmentDimension[] = ['academy', 'theme'];

type MonthCounters = ReadonlyMap<string, Counters>;

interface ProtectedMeasure {
  family: CellFamily;
  suppressed: ReadonlyMap<string, Suppression>;
}

export interface QuarterTables {
  quarter: string;
  months: readonly string[];
  values: Readonly<Record<EnrollmentDimension, readonly string[]>>;
  measures: ReadonlyMap<EnrollmentMeasure, ProtectedMeasure>;
}

const nationalOf = (period: string): Coordinates => ({ academy: ALL, theme: ALL, period });

const coordinatesOf = (dimension: EnrollmentDimension, value: string, period: string): Coordinates => ({
  academy: dimension === 'academy' ? value : ALL,
  theme: dimension === 'theme' ? value : ALL,
  period,
});

/** Counters of each month of the quarter (summed over partitions) → every table of the quarter, protected. */
export function quarterTables(
  quarter: string,
  months: readonly string[],
  counters: MonthCounters,
  rule: SuppressionRule,
  solver: LinearSolver,
): QuarterTables {
  const values = valuesIn(months, counters);
  const periods = [...months, ALL];
  const measures = new Map<EnrollmentMeasure, ProtectedMeasure>();

  for (const [measure, change] of Object.entries(countMeasures)) {
    const countOf = (dimension: EnrollmentDimension, value: string, period: string) =>
      period === ALL
        ? months.reduce(
            (sum, month) =>
              sum + (counters.get(month)?.get(teachersKey(change, dimension, 'quarter', value)) ?? 0),
            0,
          )
        : (counters.get(period)?.get(teachersKey(change, dimension, 'month', value)) ?? 0);
    const count = (dimension: EnrollmentDimension, value: string, period: string) => {
      const counted = countOf(dimension, value, period);
      return { value: counted, primary: isSmallCount(counted, rule) };
    };
    const cells = cellsOf(values, periods, count);
    const totals = periods.map((period): CellInput => {
      const national = values.academy.reduce((sum, academy) => sum + countOf('academy', academy, period), 0);
      return { coordinates: nationalOf(period), value: national, primary: isSmallCount(national, rule) };
    });
    const family = new CellFamily(axes, [...cells, ...totals]);
    measures.set(measure as EnrollmentMeasure, {
      family,
      suppressed: protectFamily(family, rule.minimumCount, solver),
    });
  }

  // Hours follow the completions they credit: hidden wherever the count of completions is hidden.
  const completions = measures.get('teachers-completed');
  const amounts = creditedAmounts(months, counters);
  const hoursOf = (contributions: ReadonlyMap<number, number>) => {
    let sum = 0;
    for (const [amount, times] of contributions) sum += amount * times;
    return { value: roundHours(sum), primary: failsSumRules(contributions, rule) };
  };
  const monthsOf = (period: string) => (period === ALL ? months : [period]);
  const hours = cellsOf(values, periods, (dimension, value, period) =>
    hoursOf(amountsIn(amounts, dimension, value, monthsOf(period))),
  );
  const hoursTotals = periods.map((period): CellInput => ({
    coordinates: nationalOf(period),
    ...hoursOf(nationalAmounts(amounts, values.academy, monthsOf(period))),
  }));
  const hoursFamily = new CellFamily(axes, [...hours, ...hoursTotals]);
  measures.set('credited-hours', {
    family: hoursFamily,
    suppressed: protectFamily(hoursFamily, rule.minimumCount, solver, completions?.suppressed),
  });
  return { quarter, months, values, measures };
}

/**
 * What is published of a quarter's family, frozen when first published (ADR 0014): the value of every
 * published non-zero cell and the reason of every hidden one. Hidden values are not in it, so a stored
 * release holds nothing that is not published.
 */
export interface QuarterRelease {
  quarter: string;
  /**
   * Whether the release publishes the national totals (ADR 0023). Releases stored before they were
   * published have none, and are served as they were published: without a national row.
   */
  nationalTotals?: boolean;
  months: readonly string[];
  values: Readonly<Record<EnrollmentDimension, readonly string[]>>;
  measures: Readonly<
    Record<EnrollmentMeasure, { published: Record<string, number>; suppressed: Record<string, Suppression> }>
  >;
}

export function releaseOfQuarter(tables: QuarterTables): QuarterRelease {
  const measures = Object.fromEntries(
    enrollmentMeasures.map((measure) => {
      const protectedMeasure = tables.measures.get(measure);
      const published: Record<string, number> = {};
      const suppressed: Record<string, Suppression> = {};
      for (const cell of protectedMeasure?.family.cells.values() ?? []) {
        const why = protectedMeasure?.suppressed.get(cell.key);
        if (why) suppressed[cell.key] = why;
        else if (!cell.unpublished && cell.value !== 0) published[cell.key] = cell.value;
      }
      return [measure, { published, suppressed }];
    }),
  ) as QuarterRelease['measures'];
  return {
    quarter: tables.quarter,
    nationalTotals: true,
    months: tables.months,
    values: tables.values,
    measures,
  };
}

/**
 * One published table of the family: a month or the quarter, by academy or by theme, then its
 * national total (a cell naming neither academy nor theme), the same in both tables of a period.
 */
export function enrollmentTable(
  release: QuarterRelease,
  period: Period,
  by: EnrollmentDimension,
): EnrollmentCell[] {
  const periodCoordinate = period.kind === 'month' ? period.id : ALL;
  const cellAt = (coordinates: Coordinates, measure: EnrollmentMeasure) => {
    const { published: values, suppressed } = release.measures[measure];
    const key = keyOf(axes, coordinates);
    return published(values[key] ?? 0, suppressed[key]);
  };
  const rows = release.values[by].flatMap((value) =>
    enrollmentMeasures.map((measure): EnrollmentCell => ({
      [by]: value,
      measure,
      ...cellAt(coordinatesOf(by, value, periodCoordinate), measure),
    })),
  );
  if (!release.nationalTotals || rows.length === 0) return rows;
  const national = enrollmentMeasures.map((measure): EnrollmentCell => ({
    measure,
    ...cellAt(nationalOf(periodCoordinate), measure),
  }));
  return [...rows, ...national];
}

function cellsOf(
  values: Readonly<Record<EnrollmentDimension, readonly string[]>>,
  periods: readonly string[],
  measure: (
    dimension: EnrollmentDimension,
    value: string,
    period: string,
  ) => { value: number; primary: boolean },
): CellInput[] {
  return dimensions.flatMap((dimension) =>
    values[dimension].flatMap((value) =>
      periods.map((period) => ({
        coordinates: coordinatesOf(dimension, value, period),
        ...measure(dimension, value, period),
      })),
    ),
  );
}

/** Every academy and theme that appears in the quarter, in a stable order. */
function valuesIn(months: readonly string[], counters: MonthCounters): Record<EnrollmentDimension, string[]> {
  const found = { academy: new Set<string>(), theme: new Set<string>() };
  for (const month of months) {
    for (const key of counters.get(month)?.keys() ?? []) {
      if (key.startsWith('teachers|')) {
        const [, , dimension, , value] = partsOf(key, 4);
        if ((dimension === 'academy' || dimension === 'theme') && value) found[dimension].add(value);
      } else if (key.startsWith('hours|')) {
        const [, dimension, , value] = partsOf(key, 3);
        if ((dimension === 'academy' || dimension === 'theme') && value) found[dimension].add(value);
      }
    }
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { academy: sorted(found.academy), theme: sorted(found.theme) };
}

type Amounts = Map<string, Map<number, number>>;

function creditedAmounts(months: readonly string[], counters: MonthCounters): Amounts {
  const amounts: Amounts = new Map();
  for (const month of months) {
    for (const [key, times] of counters.get(month) ?? []) {
      if (!key.startsWith('hours|')) continue;
      const [, dimension, amount, value] = partsOf(key, 3);
      const cell = `${month}|${dimension}|${value}`;
      const histogram = amounts.get(cell) ?? new Map<number, number>();
      histogram.set(Number(amount), (histogram.get(Number(amount)) ?? 0) + times);
      amounts.set(cell, histogram);
    }
  }
  return amounts;
}

/** Every academy's contributions together: what the national total of hours is made of. */
function nationalAmounts(
  amounts: Amounts,
  academies: readonly string[],
  months: readonly string[],
): Map<number, number> {
  const merged = new Map<number, number>();
  for (const academy of academies)
    for (const [amount, times] of amountsIn(amounts, 'academy', academy, months))
      merged.set(amount, (merged.get(amount) ?? 0) + times);
  return merged;
}

function amountsIn(
  amounts: Amounts,
  dimension: EnrollmentDimension,
  value: string,
  months: readonly string[],
): Map<number, number> {
  const merged = new Map<number, number>();
  for (const month of months) {
    for (const [amount, times] of amounts.get(`${month}|${dimension}|${value}`) ?? [])
      merged.set(amount, (merged.get(amount) ?? 0) + times);
  }
  return merged;
}

/** Predicted durations may be fractional; sums are shown to the hundredth of an hour. */
const roundHours = (hours: number) => Math.round(hours * 100) / 100;
