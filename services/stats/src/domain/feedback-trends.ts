import { ALL, CellFamily, keyOf, type CellInput } from './disclosure/cell-family';
import type { LinearSolver } from './disclosure/linear-solver';
import { protectFamily, type Suppression } from './disclosure/secondary-suppression';
import { isSmallCount, published, type PublishedValue, type SuppressionRule } from './suppression';
import { partsOf, respondentsKey, type Counters } from './tallies';

export type TrendDimension = 'category' | 'academy';
export type TrendMeasure = 'respondents' | 'median-days-to-first-reply';

/** Everything in a national table, or only one academy (an academy's CHSCT: docs/design.md §1, L12). */
export type TrendScope = { kind: 'national' } | { kind: 'academy'; academy: string };

export interface TrendVocabulary {
  categories: readonly string[];
  intensityBands: readonly string[];
}

export type TrendCell = {
  month: string;
  academy?: string;
  category?: string;
  intensityBand?: string;
  measure: TrendMeasure;
} & PublishedValue;

const axes = ['academy', 'category', 'intensityBand'] as const;

export interface ProtectedMonth {
  month: string;
  academies: readonly string[];
  family: CellFamily;
  suppressed: ReadonlyMap<string, Suppression>;
  counters: Counters;
}

/**
 * The respondents of one month as one family: academy × category × intensity band with every margin,
 * each a count of distinct teachers (the feedback facts flag all 8 groupings). Every CHSCT table of
 * the month, national or of one academy, by category or by academy, is a slice of it, so they are
 * all protected together: a slice an academy's CHSCT sees can be set beside the national one.
 */
export function protectMonth(
  month: string,
  counters: Counters,
  vocabulary: TrendVocabulary,
  rule: SuppressionRule,
  solver: LinearSolver,
): ProtectedMonth {
  const academies = academiesIn(counters);
  const cells: CellInput[] = [];
  for (const academy of [...academies, ALL])
    for (const category of [...vocabulary.categories, ALL])
      for (const intensityBand of [...vocabulary.intensityBands, ALL]) {
        const count = counters.get(respondentsKey({ academy, category, intensityBand })) ?? 0;
        cells.push({
          coordinates: { academy, category, intensityBand },
          value: count,
          primary: isSmallCount(count, rule),
        });
      }
  const family = new CellFamily(axes, cells);
  return { month, academies, family, suppressed: protectFamily(family, rule.minimumCount, solver), counters };
}

/**
 * What is published of a month's family, frozen when first published (ADR 0014): every published
 * non-zero count, the reason of every hidden one, and the median (or its reason) of every row a table
 * can show. Hidden values and reply delays are not in it.
 */
export interface MonthRelease {
  month: string;
  academies: readonly string[];
  published: Record<string, number>;
  suppressed: Record<string, Suppression>;
  /** Per row (`academy|category`, `*` for a margin): its median, or why it is hidden. */
  medians: Record<string, PublishedValue>;
}

const rowKey = (row: { academy: string; category: string }) => `${row.academy}|${row.category}`;

export function releaseOfMonth(
  month: ProtectedMonth,
  vocabulary: TrendVocabulary,
  rule: SuppressionRule,
): MonthRelease {
  const published: Record<string, number> = {};
  const suppressed: Record<string, Suppression> = {};
  for (const cell of month.family.cells.values()) {
    const why = month.suppressed.get(cell.key);
    if (why) suppressed[cell.key] = why;
    else if (cell.value !== 0) published[cell.key] = cell.value;
  }
  const medians: Record<string, PublishedValue> = {};
  for (const academy of [...month.academies, ALL])
    for (const category of [...vocabulary.categories, ALL]) {
      const row = { academy, category };
      const respondentsHidden = month.suppressed.has(keyOf(axes, { ...row, intensityBand: ALL }));
      const median = medianOf(replyDelays(month.counters, row), respondentsHidden, rule);
      if (median) medians[rowKey(row)] = median;
    }
  return { month: month.month, academies: month.academies, published, suppressed, medians };
}

/** One CHSCT table of one month: respondents per row × band, and the median delay of each row. */
export function trendCells(
  month: MonthRelease,
  by: TrendDimension,
  scope: TrendScope,
  vocabulary: TrendVocabulary,
): TrendCell[] {
  const scopeAcademy = scope.kind === 'academy' ? scope.academy : ALL;
  const rows =
    by === 'category'
      ? [...vocabulary.categories, ALL].map((category) => ({ academy: scopeAcademy, category }))
      : scope.kind === 'academy'
        ? [{ academy: scope.academy, category: ALL }]
        : [...month.academies, ALL].map((academy) => ({ academy, category: ALL }));
  const cells: TrendCell[] = [];
  for (const row of rows) {
    const named = {
      month: month.month,
      ...(row.academy !== ALL && (by === 'academy' || scope.kind === 'academy')
        ? { academy: row.academy }
        : {}),
      ...(row.category !== ALL ? { category: row.category } : {}),
    };
    for (const intensityBand of [...vocabulary.intensityBands, ALL]) {
      const key = keyOf(axes, { ...row, intensityBand });
      cells.push({
        ...named,
        ...(intensityBand !== ALL ? { intensityBand } : {}),
        measure: 'respondents',
        ...published(month.published[key] ?? 0, month.suppressed[key]),
      });
    }
    const median = month.medians[rowKey(row)];
    if (median) cells.push({ ...named, measure: 'median-days-to-first-reply', ...median });
  }
  return cells;
}

/**
 * A median needs at least as many replies as a publishable count, and its row's respondents must be
 * published: a median of few delays is nearly one person's experience. Medians are read from a
 * histogram of delays (whole days), so a month of many replies costs no more than a few. A row
 * without replies has no median (undefined), unless its respondents are hidden: then it is hidden too.
 */
function medianOf(
  delays: ReadonlyMap<number, number>,
  respondentsHidden: boolean,
  rule: SuppressionRule,
): PublishedValue | undefined {
  let replies = 0;
  for (const times of delays.values()) replies += times;
  if (replies === 0) return respondentsHidden ? { value: null, suppressed: 'secondary' } : undefined;
  if (replies < rule.minimumCount) return { value: null, suppressed: 'primary' };
  if (respondentsHidden) return { value: null, suppressed: 'secondary' };
  const sorted = [...delays.entries()].sort(([a], [b]) => a - b);
  const nth = (rank: number): number => {
    let seen = 0;
    for (const [days, times] of sorted) {
      seen += times;
      if (rank < seen) return days;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const middle = Math.floor(replies / 2);
  return { value: replies % 2 === 1 ? nth(middle) : (nth(middle - 1) + nth(middle)) / 2 };
}

function replyDelays(counters: Counters, row: { academy: string; category: string }): Map<number, number> {
  const delays = new Map<number, number>();
  for (const [key, times] of counters) {
    if (!key.startsWith('reply|')) continue;
    const [, academy, category, , delay] = partsOf(key, 4);
    if (row.academy !== ALL && academy !== row.academy) continue;
    if (row.category !== ALL && category !== row.category) continue;
    delays.set(Number(delay), (delays.get(Number(delay)) ?? 0) + times);
  }
  return delays;
}

function academiesIn(counters: Counters): string[] {
  const academies = new Set<string>();
  for (const key of counters.keys()) {
    if (!key.startsWith('respondents|') && !key.startsWith('reply|')) continue;
    const [, academy] = key.split('|');
    if (academy && academy !== ALL) academies.add(academy);
  }
  return [...academies].sort((a, b) => a.localeCompare(b));
}
