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

async function publishedCube(
  stats: StatsOnBus,
  ofMonth: string = month,
  inAcademies: readonly string[] = academies,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  const add = (academy: string, rows: Awaited<ReturnType<typeof stats.queries.feedbackTrends>>['cells']) => {
    for (const cell of rows) {
      if (cell.measure !== 'respondents') continue;
      const key = [cell.academy ?? academy, cell.category ?? '*', cell.intensityBand ?? '*'].join('|');
      cells.push({ key, value: cell.value });
    }
  };
  add('*', (await stats.queries.feedbackTrends([ofMonth], 'category', { kind: 'national' })).cells);
  add('*', (await stats.queries.feedbackTrends([ofMonth], 'academy', { kind: 'national' })).cells);
  for (const academy of inAcademies) {
    add(
      academy,
      (await stats.queries.feedbackTrends([ofMonth], 'category', { kind: 'academy', academy })).cells,
    );
    add(
      academy,
      (await stats.queries.feedbackTrends([ofMonth], 'academy', { kind: 'academy', academy })).cells,
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

/**
 * Months shaped like the standalone demo history (apps/standalone/src/seed/demo-data.ts, issue 17
 * point 6): six academies from 3,000 to 260 teachers, six categories of unequal weight, three bands,
 * about 6 % of the teachers voicing a difficulty each month. The small academies and rare categories
 * give dozens of small cells, while every national figure counts dozens to hundreds of teachers.
 */
describe('months shaped like the demo history', () => {
  const demoAcademies: readonly [string, number][] = [
    ['lyon', 3_000],
    ['grenoble', 2_200],
    ['clermont-ferrand', 1_300],
    ['dijon', 1_000],
    ['besancon', 700],
    ['corse', 260],
  ];
  const rarer = [
    'technical-access',
    'technical-access',
    'technical-access',
    'tool-usability',
    'tool-usability',
    'content-relevance',
    'support-guidance',
    'other',
  ] as const;
  const demoBands = ['low', 'medium', 'medium', 'high', 'high'] as const;
  const demoMonths = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const cubes = new Map<string, Cell[]>();

  beforeAll(async () => {
    const next = random(2026);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const stats = await statsOnBus({ minimumCount });
    for (const demoMonth of demoMonths) {
      const counts = new Map<string, number>();
      for (const [academy, teachers] of demoAcademies) {
        const items = Math.round(teachers * 0.06 * (0.8 + next() * 0.4));
        for (let item = 0; item < items; item++) {
          const category = next() < 0.35 ? 'workload-time' : pick(rarer);
          const key = [academy, category, pick(demoBands)].join('|');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      const facts: PendingEvent[] = [];
      for (const [key, teachers] of counts) {
        const [academy = '', category, intensityBand] = key.split('|') as [
          string,
          (typeof rarer)[number] | 'workload-time',
          (typeof demoBands)[number],
        ];
        facts.push(...contributions({ month: demoMonth, academy, category, intensityBand, teachers }));
      }
      await stats.publish(facts);
    }
    const names = demoAcademies.map(([academy]) => academy);
    for (const demoMonth of demoMonths) cubes.set(demoMonth, await publishedCube(stats, demoMonth, names));
  });

  it('has small cells to protect in every month: the data is a real test', () => {
    for (const cube of cubes.values())
      expect(cube.filter((cell) => cell.value === null).length).toBeGreaterThan(20);
  });

  it('publishes the national total of every month, and hides few national categories', () => {
    let categoryRows = 0;
    let hiddenCategoryRows = 0;
    for (const cube of cubes.values()) {
      expect(cube.find((cell) => cell.key === '*|*|*')?.value).toEqual(expect.any(Number));
      const rows = cube.filter((cell) => /^\*\|[^*]+\|\*$/.test(cell.key));
      expect(rows).toHaveLength(6);
      categoryRows += rows.length;
      hiddenCategoryRows += rows.filter((cell) => cell.value === null).length;
    }
    // The rarest national categories hold 15 to 30 teachers here: one row in ten hidden at most.
    expect(hiddenCategoryRows).toBeLessThanOrEqual(categoryRows / 10);
  });

  it('leaves no hidden cell that every table of the month together narrows below the minimum', async () => {
    for (const cube of cubes.values()) {
      const intervals = await auditCube(cube);
      expect(exposed(intervals, minimumCount)).toEqual([]);
      expect(narrowed(intervals, minimumCount)).toEqual([]);
    }
  });
});
