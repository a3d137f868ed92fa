import { InMemoryTallyStore, parsePeriod, StatsQueries } from '@relais/stats';
import { seedDemoHistory } from '../src/seed/demo-data';

/**
 * Issue 15 point 3 and issue 17 point 6: standalone mode shows published statistics from a
 * synthetic history of closed periods, large enough for trends and with some cells suppressed.
 */
describe('the demo statistics history', () => {
  const today = new Date('2026-12-07T10:00:00Z');
  const tallies = new InMemoryTallyStore();
  const queries = new StatsQueries(tallies, { minimumCount: 11 }, { settlingDays: 7, now: () => today });
  let facts = 0;
  beforeAll(async () => {
    facts = (await seedDemoHistory(tallies, today)).facts;
  });

  it('covers the 24 closed months before today, in several academies, for thousands of teachers', async () => {
    expect(facts).toBeGreaterThan(10_000);
    const quarters = queries
      .publication()
      .ministryEnrollments.publishedPeriods.filter((period) => period.includes('Q'));
    let enrolled = 0;
    const academies = new Set<string>();
    for (const quarter of quarters.filter((period) => period >= '2024-Q4')) {
      const table = await queries.ministryEnrollments(parsePeriod(quarter)!, 'academy');
      for (const cell of table.cells) {
        if (cell.academy) academies.add(cell.academy);
        if (cell.academy && cell.measure === 'teachers-enrolled' && cell.value !== null)
          enrolled += cell.value;
      }
    }
    expect(enrolled).toBeGreaterThan(2_000);
    expect(academies).toEqual(
      new Set(['besancon', 'clermont-ferrand', 'corse', 'dijon', 'grenoble', 'lyon']),
    );
    const { cells } = await queries.ministryEnrollments(parsePeriod('2024-11')!, 'academy');
    expect(cells.every((cell) => cell.value === 0)).toBe(true);
  });

  it('gives a monthly trend for a large academy and hides the small cells, with the reason', async () => {
    const months = queries.publication().chsctFeedbackTrends.publishedPeriods.slice(-23);
    expect(months.at(-1)).toBe('2026-10');
    const { cells } = await queries.feedbackTrends(months, 'academy', { kind: 'national' });
    const lyon = cells.filter(
      (cell) => cell.academy === 'lyon' && cell.measure === 'respondents' && !cell.intensityBand,
    );
    expect(lyon).toHaveLength(23);
    expect(lyon.filter((cell) => cell.value !== null).length).toBeGreaterThan(15);
    const corse = cells.filter((cell) => cell.academy === 'corse' && cell.measure === 'respondents');
    const why = (cell: (typeof cells)[number]) => ('suppressed' in cell ? cell.suppressed : undefined);
    expect(corse.some((cell) => why(cell) === 'primary')).toBe(true);
    expect(cells.some((cell) => why(cell) === 'secondary')).toBe(true);
  });

  it('lets the national CHSCT read its monthly totals and categories: few national figures are hidden', async () => {
    const months = queries.publication().chsctFeedbackTrends.publishedPeriods.slice(-23);
    const { cells } = await queries.feedbackTrends(months, 'category', { kind: 'national' });
    const rows = cells.filter((cell) => cell.measure === 'respondents' && !cell.intensityBand);
    const why = (cell: (typeof cells)[number]) => ('suppressed' in cell ? cell.suppressed : undefined);
    // A figure that is small itself must be hidden; the others are hidden only to protect a small cell.
    const notSmall = rows.filter((cell) => why(cell) !== 'primary');
    const totals = notSmall.filter((cell) => !cell.category);
    const categories = notSmall.filter((cell) => cell.category);
    expect(totals).toHaveLength(23);
    expect(categories.length).toBeGreaterThan(23 * 5);
    const publishedShare = (figures: typeof rows) =>
      figures.filter((cell) => cell.value !== null).length / figures.length;
    // Each sums six academies (dozens to hundreds of teachers): hiding one should be the exception,
    // one in ten at most. Hypercubes published 5 of the 23 totals and 45 of the 131 category rows.
    expect(publishedShare(totals)).toBeGreaterThanOrEqual(0.9);
    expect(publishedShare(categories)).toBeGreaterThanOrEqual(0.9);
  });

  it('publishes a national total beside the academies of every quarter', async () => {
    const { cells } = await queries.ministryEnrollments(parsePeriod('2026-Q2')!, 'academy');
    const national = cells.filter((cell) => cell.academy === undefined);
    expect(national.map((cell) => cell.measure)).toEqual([
      'teachers-enrolled',
      'teachers-completed',
      'teachers-withdrawn',
      'credited-hours',
    ]);
    const enrolled = cells.filter((cell) => cell.measure === 'teachers-enrolled');
    const academies = enrolled.filter((cell) => cell.academy !== undefined);
    const total = enrolled.find((cell) => cell.academy === undefined);
    // The sum of the academies: at least what the published ones show.
    const published = academies.reduce((sum, cell) => sum + (cell.value ?? 0), 0);
    expect(total?.value).toBeGreaterThanOrEqual(published);
    expect(total?.value).toBeGreaterThan(500);
  });

  it('leaves the current and the unsettled month unpublished', async () => {
    await expect(queries.feedbackTrends(['2026-11'], 'category', { kind: 'national' })).rejects.toMatchObject(
      {
        publishedOn: '2026-12-08',
      },
    );
  });
});
