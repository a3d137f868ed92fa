import type { PendingEvent } from '@relais/contracts';
import { parsePeriod } from '../../src/index';
import { participations } from '../support/facts';
import { exposed, feasibleIntervals, narrowed, type ObservedLine } from '../support/interval-audit';
import { statsOnBus } from '../support/stats-on-bus';

/**
 * The ministry's tables of one quarter, attacked the way an analyst would: every table of the quarter
 * (three months and the quarter, by academy and by theme, each with its national total) side by side,
 * every margin identity assumed to hold exactly (a quarter is the sum of its months, the national
 * total is the sum of the academies and the sum of the themes), and linear programming to bound
 * every hidden cell.
 */
const minimumCount = 11;
const months = ['2026-10', '2026-11', '2026-12'] as const;
const periods = [...months, '2026-Q4'] as const;
const dimensions = ['academy', 'theme'] as const;
type View = { period: (typeof periods)[number]; by: (typeof dimensions)[number] };
const views: View[] = periods.flatMap((period) => dimensions.map((by) => ({ period, by })));
const measures = ['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn', 'credited-hours'] as const;

/**
 * A quarter in which a table with primary suppression only leaks: Grenoble has 3 teachers in November
 * and the theme table gives them away (reading = 15 + 3), its quarter row gives away its months, and
 * 3 completions of a 12-hour course show as 36 hours.
 */
const seeded: PendingEvent[] = [
  ...participations({
    month: '2026-10',
    academy: 'lyon',
    themes: ['reading'],
    change: 'enrolled',
    teachers: 12,
  }),
  ...participations({
    month: '2026-10',
    academy: 'grenoble',
    themes: ['reading'],
    change: 'enrolled',
    teachers: 2,
  }),
  ...participations({
    month: '2026-11',
    academy: 'lyon',
    themes: ['reading'],
    change: 'enrolled',
    teachers: 15,
  }),
  ...participations({
    month: '2026-11',
    academy: 'lyon',
    themes: ['mathematics'],
    change: 'enrolled',
    teachers: 11,
  }),
  ...participations({
    month: '2026-11',
    academy: 'grenoble',
    themes: ['reading'],
    change: 'enrolled',
    teachers: 3,
  }),
  ...participations({
    month: '2026-12',
    academy: 'lyon',
    themes: ['mathematics'],
    change: 'enrolled',
    teachers: 14,
  }),
  ...participations({
    month: '2026-12',
    academy: 'grenoble',
    themes: ['mathematics'],
    change: 'enrolled',
    teachers: 4,
  }),
  ...participations({
    month: '2026-11',
    academy: 'lyon',
    themes: ['reading'],
    change: 'completed',
    teachers: 12,
    hours: 9,
  }),
  ...participations({
    month: '2026-11',
    academy: 'grenoble',
    themes: ['reading'],
    change: 'completed',
    teachers: 3,
    hours: 12,
  }),
  ...participations({
    month: '2026-12',
    academy: 'lyon',
    themes: ['mathematics'],
    change: 'withdrawn',
    teachers: 2,
  }),
];

type Published = { key: string; value: number | null; suppressed?: string };

const keyOf = (view: View, value: string) => `${view.period}|${view.by}|${value}`;
const totalOf = (period: string) => `${period}|total`;

const isTotal = (key: string) => key.endsWith('|total');

/** The identities an analyst assumes between the given views; a total of a period not shown is unknown. */
function linesBetween(selected: readonly View[], cells: ReadonlyMap<string, Published[]>): ObservedLine[] {
  const lines: ObservedLine[] = [];
  const has = (view: View) => selected.some((other) => other.period === view.period && other.by === view.by);
  for (const view of selected) {
    lines.push({
      total: totalOf(view.period),
      parts: (cells.get(`${view.period}|${view.by}`) ?? []).map((c) => c.key).filter((key) => !isTotal(key)),
    });
  }
  for (const by of dimensions) {
    const quarter = { period: '2026-Q4' as const, by };
    const monthViews = months.map((period) => ({ period, by }));
    if (!has(quarter) || !monthViews.some(has)) continue;
    for (const cell of cells.get(`2026-Q4|${by}`) ?? []) {
      if (isTotal(cell.key)) continue;
      const value = cell.key.split('|')[2] ?? '';
      const parts = monthViews.filter(has).map((view) => keyOf(view, value));
      // Months not selected are unknown to this observer: they enter as unknowns of the identity.
      const unseen = monthViews.filter((view) => !has(view)).map((view) => keyOf(view, value));
      lines.push({ total: cell.key, parts: [...parts, ...unseen] });
    }
  }
  lines.push({ total: totalOf('2026-Q4'), parts: months.map(totalOf) });
  return lines;
}

function audit(selected: readonly View[], cells: ReadonlyMap<string, Published[]>) {
  const lines = linesBetween(selected, cells);
  const visible = selected.flatMap((view) => cells.get(`${view.period}|${view.by}`) ?? []);
  const published = new Map(visible.filter((c) => c.value !== null).map((c) => [c.key, c.value as number]));
  // A national total shown in both tables of a period is one cell.
  const hidden = [...new Set(visible.filter((c) => c.value === null).map((c) => c.key))];
  const mentioned = new Set(lines.flatMap((line) => [line.total, ...line.parts]));
  const unpublished = [...mentioned].filter((key) => !published.has(key) && !hidden.includes(key));
  return feasibleIntervals(published, hidden, unpublished, lines);
}

type Tables = Map<string, Map<string, Published[]>>;

/** Every table of the quarter, per measure and view; the national total keyed by its period alone. */
async function quarterOf(events: readonly PendingEvent[], minimum: number): Promise<Tables> {
  const stats = await statsOnBus({ minimumCount: minimum });
  await stats.publish(events);
  const tables: Tables = new Map(measures.map((measure) => [measure, new Map()]));
  for (const view of views) {
    const table = await stats.queries.ministryEnrollments(parsePeriod(view.period)!, view.by);
    for (const measure of measures)
      tables.get(measure)!.set(
        `${view.period}|${view.by}`,
        table.cells
          .filter((cell) => cell.measure === measure)
          .map((cell) => {
            const value = cell[view.by];
            return {
              key: value === undefined ? totalOf(view.period) : keyOf(view, value),
              value: cell.value,
              ...('suppressed' in cell && cell.suppressed ? { suppressed: cell.suppressed } : {}),
            };
          }),
      );
  }
  return tables;
}

describe('the ministry tables of a quarter, side by side', () => {
  let tables: Tables;
  const truth = new Map<string, Map<string, number>>();

  beforeAll(async () => {
    tables = await quarterOf(seeded, minimumCount);
    const unprotected = await quarterOf(seeded, 1);
    for (const measure of measures) {
      const values = new Map<string, number>();
      for (const cells of unprotected.get(measure)!.values())
        for (const cell of cells) values.set(cell.key, cell.value ?? NaN);
      truth.set(measure, values);
    }
  });

  it('would leak with primary suppression alone: the seeded data is a real test', async () => {
    const naive = new Map<string, Published[]>();
    const counts = truth.get('teachers-enrolled')!;
    for (const view of views) {
      // Primary suppression alone, and no national total: that alone already leaks.
      const keys = [...counts.keys()].filter((key) => key.startsWith(`${view.period}|${view.by}|`));
      naive.set(
        `${view.period}|${view.by}`,
        keys.map((key) => {
          const value = counts.get(key) ?? 0;
          return { key, value: value > 0 && value < minimumCount ? null : value };
        }),
      );
    }
    const leaks = exposed(await audit(views, naive), minimumCount);
    expect(leaks.map((interval) => interval.cell)).toContain('2026-11|academy|grenoble');
    expect(leaks.find((interval) => interval.cell === '2026-11|academy|grenoble')).toMatchObject({
      low: 3,
      high: 3,
    });
  });

  it.each(measures)('%s: hides every cell of 1 to 10 teachers, in every table of the quarter', (measure) => {
    const counts = truth.get(measure === 'credited-hours' ? 'teachers-completed' : measure)!;
    for (const [key, count] of counts) {
      if (count > 0 && count < minimumCount) {
        const [period, by] = isTotal(key) ? [key.split('|')[0], 'academy'] : key.split('|');
        const cell = tables
          .get(measure)!
          .get(`${period}|${by}`)
          ?.find((c) => c.key === key);
        expect({ key, value: cell?.value }).toEqual({ key, value: null });
      }
    }
  });

  it.each(measures)(
    '%s: no hidden cell can be narrowed below the minimum from all tables together',
    async (measure) => {
      const intervals = await audit(views, tables.get(measure)!);
      expect(intervals.length).toBeGreaterThan(0);
      expect(exposed(intervals, minimumCount)).toEqual([]);
      expect(narrowed(intervals, minimumCount)).toEqual([]);
    },
  );

  it.each(measures)(
    '%s: no pair of tables or periods reveals a hidden cell by difference',
    async (measure) => {
      const cells = tables.get(measure)!;
      for (const [index, first] of views.entries()) {
        for (const second of views.slice(index)) {
          const intervals = await audit([first, second], cells);
          expect({ pair: [first, second], narrowed: narrowed(intervals, minimumCount) }).toEqual({
            pair: [first, second],
            narrowed: [],
          });
        }
      }
    },
  );

  it('publishes what is safe: large cells stay visible, and only what protects a small one is hidden', () => {
    const enrolled = tables.get('teachers-enrolled')!;
    const valueOf = (view: string, key: string) =>
      enrolled.get(view)?.find((cell) => cell.key === key)?.value;
    expect(valueOf('2026-11|theme', '2026-11|theme|mathematics')).toBe(11);
    expect(valueOf('2026-Q4|theme', '2026-Q4|theme|reading')).toBe(32);
    expect(valueOf('2026-Q4|theme', '2026-Q4|theme|mathematics')).toBe(29);
    // The themes add up to the national total (61), so Lyon's 52 would give Grenoble's 9 away.
    expect(valueOf('2026-Q4|academy', '2026-Q4|academy|lyon')).toBeNull();
  });
});

/** A small deterministic generator (mulberry32), so a failing quarter can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The national total published beside the academies (ADR 0023), on random quarters: a large academy,
 * a middling one and two small ones, three themes, cells of 0, of 1 to 10 and of 11 or more teachers.
 */
describe('the national total, on random quarters', () => {
  const themeHours: [string, number][] = [
    ['reading', 9],
    ['mathematics', 12],
    ['sciences', 6],
  ];
  const randomQuarter = (seed: number): PendingEvent[] => {
    const next = random(seed);
    const events: PendingEvent[] = [];
    for (const month of months)
      for (const [academy, size] of [
        ['lyon', 3],
        ['grenoble', 2],
        ['corse', 1],
        ['nice', 1],
      ] as const)
        for (const [theme, hours] of themeHours)
          for (const change of ['enrolled', 'completed', 'withdrawn'] as const) {
            const draw = next();
            const teachers =
              draw < 0.35
                ? 0
                : draw < 0.75
                  ? 1 + Math.floor(next() * 10)
                  : 11 + Math.floor(next() * 10 * size);
            events.push(...participations({ month, academy, themes: [theme], change, teachers, hours }));
          }
    return events;
  };

  it.each(Array.from({ length: 8 }, (_, index) => index + 1))(
    'seed %i: the total minus the published rows never gives a hidden cell away',
    async (seed) => {
      const tables = await quarterOf(randomQuarter(seed), minimumCount);
      let totalsPublished = 0;
      for (const measure of measures) {
        const cells = tables.get(measure)!;
        for (const view of views) {
          const table = cells.get(`${view.period}|${view.by}`) ?? [];
          const total = table.find((cell) => isTotal(cell.key));
          // The same national total in the table by academy and in the table by theme.
          const other = cells.get(`${view.period}|${view.by === 'academy' ? 'theme' : 'academy'}`);
          expect(other?.find((cell) => isTotal(cell.key))).toEqual(total);
          if (total?.value === null || total === undefined) continue;
          totalsPublished += 1;
          const rows = table.filter((cell) => !isTotal(cell.key));
          const hidden = rows.filter((cell) => cell.value === null);
          // Never a single hidden row: the total minus the others would be it.
          expect({ view, measure, hidden: hidden.length }).not.toEqual({ view, measure, hidden: 1 });
          if (measure !== 'credited-hours' && hidden.some((cell) => cell.suppressed === 'primary')) {
            const published = rows.reduce((sum, cell) => sum + (cell.value ?? 0), 0);
            // What the hidden rows hold together could be one publishable cell.
            expect(total.value - published).toBeGreaterThanOrEqual(minimumCount);
          }
        }
        const intervals = await audit(views, cells);
        expect({ measure, exposed: exposed(intervals, minimumCount) }).toEqual({ measure, exposed: [] });
        expect({ measure, narrowed: narrowed(intervals, minimumCount) }).toEqual({ measure, narrowed: [] });
      }
      expect(totalsPublished).toBeGreaterThan(0);
    },
  );
});
