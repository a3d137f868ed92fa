import type { PendingEvent } from '@relais/contracts';
import { contributions } from '../support/facts';
import { exposed, feasibleIntervals, narrowed, type ObservedLine } from '../support/interval-audit';
import { statsOnBus, type StatsOnBus } from '../support/stats-on-bus';

/**
 * The CHSCT tables of one month, attacked together: the national tables by category and by academy,
 * and every academy's own table, which a national member can set beside them. Margins are assumed
 * to be exact sums (academy × category × intensity band, every margin), hidden cells are bounded by
 * linear programming.
 */
const minimumCount = 11;
const month = '2026-11';
const academies = ['grenoble', 'lyon', 'nice'] as const;

type Cell = { key: string; value: number | null };

async function publishedCube(stats: StatsOnBus): Promise<Cell[]> {
  const cells: Cell[] = [];
  const add = (academy: string, rows: Awaited<ReturnType<typeof stats.queries.feedbackTrends>>['cells']) => {
    for (const cell of rows) {
      if (cell.measure !== 'respondents') continue;
      const key = [cell.academy ?? academy, cell.category ?? '*', cell.intensityBand ?? '*'].join('|');
      cells.push({ key, value: cell.value });
    }
  };
  add('*', (await stats.queries.feedbackTrends([month], 'category', { kind: 'national' })).cells);
  add('*', (await stats.queries.feedbackTrends([month], 'academy', { kind: 'national' })).cells);
  for (const academy of academies) {
    add(
      academy,
      (await stats.queries.feedbackTrends([month], 'category', { kind: 'academy', academy })).cells,
    );
    add(
      academy,
      (await stats.queries.feedbackTrends([month], 'academy', { kind: 'academy', academy })).cells,
    );
  }
  const unique = new Map(cells.map((cell) => [cell.key, cell]));
  expect(unique.size).toBeLessThan(cells.length); // the same cell seen in two tables...
  for (const cell of cells) expect(unique.get(cell.key)?.value).toBe(cell.value); // ...shows the same value
  return [...unique.values()];
}

/** Along each axis: the margin (`*` on that axis) is the sum of the cells that differ only there. */
function cubeLines(keys: readonly string[]): ObservedLine[] {
  const present = new Set(keys);
  const lines: ObservedLine[] = [];
  for (const axis of [0, 1, 2]) {
    const groups = new Map<string, string[]>();
    for (const key of keys) {
      const coordinates = key.split('|');
      if (coordinates[axis] === '*') continue;
      const total = coordinates.map((value, index) => (index === axis ? '*' : value)).join('|');
      groups.set(total, [...(groups.get(total) ?? []), key]);
    }
    for (const [total, parts] of groups) if (present.has(total)) lines.push({ total, parts });
  }
  return lines;
}

function auditCube(cells: readonly Cell[]) {
  const published = new Map(cells.filter((c) => c.value !== null).map((c) => [c.key, c.value as number]));
  const hidden = cells.filter((c) => c.value === null).map((c) => c.key);
  return feasibleIntervals(published, hidden, [], cubeLines(cells.map((c) => c.key)));
}

/**
 * Lyon is large, Grenoble and Nice are small: Nice's 4 respondents worried about their workload would
 * fall out of any margin that a naive table publishes.
 */
const seeded: PendingEvent[] = [
  ...contributions({
    month,
    academy: 'lyon',
    category: 'workload-time',
    intensityBand: 'high',
    teachers: 14,
  }),
  ...contributions({
    month,
    academy: 'lyon',
    category: 'workload-time',
    intensityBand: 'medium',
    teachers: 12,
  }),
  ...contributions({
    month,
    academy: 'lyon',
    category: 'technical-access',
    intensityBand: 'low',
    teachers: 11,
  }),
  ...contributions({
    month,
    academy: 'lyon',
    category: 'tool-usability',
    intensityBand: 'high',
    teachers: 3,
  }),
  ...contributions({
    month,
    academy: 'grenoble',
    category: 'workload-time',
    intensityBand: 'high',
    teachers: 12,
  }),
  ...contributions({
    month,
    academy: 'grenoble',
    category: 'technical-access',
    intensityBand: 'low',
    teachers: 2,
  }),
  ...contributions({ month, academy: 'nice', category: 'workload-time', intensityBand: 'high', teachers: 4 }),
];

describe('the CHSCT tables of a month, side by side', () => {
  let cells: Cell[];
  beforeAll(async () => {
    const stats = await statsOnBus({ minimumCount });
    await stats.publish(seeded);
    cells = await publishedCube(stats);
  });

  it('would leak with primary suppression alone', async () => {
    const unprotected = await statsOnBus({ minimumCount: 1 });
    await unprotected.publish(seeded);
    const naive = (await publishedCube(unprotected)).map((cell) => ({
      key: cell.key,
      value: cell.value !== null && cell.value > 0 && cell.value < minimumCount ? null : cell.value,
    }));
    const leaks = exposed(await auditCube(naive), minimumCount).map((interval) => interval.cell);
    expect(leaks).toEqual(expect.arrayContaining(['nice|workload-time|high']));
  });

  it('hides every count from 1 to 10', () => {
    expect(cells.find((cell) => cell.key === 'nice|workload-time|high')?.value).toBeNull();
    expect(cells.find((cell) => cell.key === 'lyon|tool-usability|high')?.value).toBeNull();
    for (const cell of cells)
      if (cell.value !== null) expect(cell.value === 0 || cell.value >= minimumCount).toBe(true);
  });

  it('leaves no hidden cell that the margins narrow below the minimum', async () => {
    const intervals = await auditCube(cells);
    expect(intervals.length).toBeGreaterThan(0);
    expect(exposed(intervals, minimumCount)).toEqual([]);
    expect(narrowed(intervals, minimumCount)).toEqual([]);
  });

  it('still publishes what gives nothing away: the totals of the month and of Lyon', () => {
    const valueOf = (key: string) => cells.find((cell) => cell.key === key)?.value;
    expect(valueOf('*|*|*')).toBe(58);
    expect(valueOf('lyon|*|*')).toBe(40);
    // Tool usability (3, all in Lyon) is small nationally too, and 58 − 42 − 13 would give it away: one
    // other national row must be hidden with it, and only one.
    const hiddenRows = cells.filter((cell) => /^\*\|[^*]+\|\*$/.test(cell.key) && cell.value === null);
    expect(hiddenRows.map((cell) => cell.key)).toContain('*|tool-usability|*');
    expect(hiddenRows).toHaveLength(2);
  });
});

/** A small deterministic generator (mulberry32), so a failing dataset can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('on many random months', () => {
  const categories = ['workload-time', 'technical-access', 'tool-usability'] as const;
  const bands = ['low', 'medium', 'high'] as const;

  it.each(Array.from({ length: 12 }, (_, index) => index + 1))(
    'seed %i: every hidden cell may still be at least the minimum',
    async (seed) => {
      const next = random(seed);
      const facts: PendingEvent[] = [];
      for (const academy of academies)
        for (const category of categories)
          for (const intensityBand of bands) {
            const draw = next();
            const teachers =
              draw < 0.4 ? 0 : draw < 0.75 ? 1 + Math.floor(next() * 10) : 11 + Math.floor(next() * 20);
            facts.push(...contributions({ month, academy, category, intensityBand, teachers }));
          }
      const stats = await statsOnBus({ minimumCount });
      await stats.publish(facts);
      const intervals = await auditCube(await publishedCube(stats));
      expect(exposed(intervals, minimumCount)).toEqual([]);
      expect(narrowed(intervals, minimumCount)).toEqual([]);
    },
  );
});
