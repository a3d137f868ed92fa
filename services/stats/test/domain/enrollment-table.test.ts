import { enrollmentTable, type ParticipationFact } from '../../src/domain/enrollment-table';
import { parsePeriod } from '../../src/domain/period';

const rule = { minimumCount: 11 };
const november = parsePeriod('2026-11')!;

function facts(count: number, overrides: Partial<ParticipationFact> = {}): ParticipationFact[] {
  return Array.from({ length: count }, () => ({
    month: '2026-11',
    academy: 'lyon',
    themes: ['reading'],
    change: 'completed',
    creditedHoursDelta: 9,
    newTeacherIn: [
      { dimension: 'academy', value: 'lyon', period: 'month' },
      { dimension: 'academy', value: 'lyon', period: 'quarter' },
      { dimension: 'theme', value: 'reading', period: 'month' },
    ],
    ...overrides,
  }));
}

const cell = (cells: ReturnType<typeof enrollmentTable>, measure: string) =>
  cells.find((c) => c.measure === measure);

describe('the ministry enrollment table', () => {
  it('publishes counts of 11 distinct teachers or more, and their hours', () => {
    const cells = enrollmentTable(facts(11), november, 'academy', rule);
    expect(cell(cells, 'teachers-completed')).toEqual({
      academy: 'lyon',
      measure: 'teachers-completed',
      value: 11,
    });
    expect(cell(cells, 'credited-hours')).toEqual({ academy: 'lyon', measure: 'credited-hours', value: 99 });
    expect(cell(cells, 'teachers-enrolled')).toEqual({
      academy: 'lyon',
      measure: 'teachers-enrolled',
      value: 0,
    });
  });

  it('suppresses counts from 1 to 10 and the hours behind them', () => {
    const cells = enrollmentTable(facts(10), november, 'academy', rule);
    expect(cell(cells, 'teachers-completed')).toEqual({
      academy: 'lyon',
      measure: 'teachers-completed',
      value: null,
      suppressed: 'primary',
    });
    expect(cell(cells, 'credited-hours')).toMatchObject({ value: null, suppressed: 'primary' });
  });

  it('counts a teacher once per cell: facts that are not the first of their cell add no one', () => {
    const repeated = facts(5, { newTeacherIn: [] });
    const cells = enrollmentTable([...facts(11), ...repeated], november, 'academy', rule);
    expect(cell(cells, 'teachers-completed')?.value).toBe(11);
  });

  it('uses the flags of the requested period: quarter cells come from quarter flags', () => {
    const quarter = parsePeriod('2026-Q4')!;
    const onlyMonthFlags = facts(12, {
      newTeacherIn: [{ dimension: 'academy', value: 'lyon', period: 'month' }],
    });
    expect(cell(enrollmentTable(onlyMonthFlags, quarter, 'academy', rule), 'teachers-completed')?.value).toBe(
      0,
    );
    expect(
      cell(enrollmentTable(onlyMonthFlags, november, 'academy', rule), 'teachers-completed')?.value,
    ).toBe(12);
  });

  it('ignores facts outside the period and splits by theme', () => {
    const cells = enrollmentTable(
      [...facts(11), ...facts(11, { month: '2026-10' })],
      november,
      'theme',
      rule,
    );
    expect(cell(cells, 'teachers-completed')).toEqual({
      theme: 'reading',
      measure: 'teachers-completed',
      value: 11,
    });
  });
});

describe('periods', () => {
  it.each([
    ['2026-11', ['2026-11']],
    ['2026-Q1', ['2026-01', '2026-02', '2026-03']],
    ['2026-Q4', ['2026-10', '2026-11', '2026-12']],
  ])('%s covers %j', (text, months) => {
    expect(parsePeriod(text)?.months).toEqual(months);
  });

  it.each(['2026-13', '2026-Q5', '26-11', '2026-11-01', ''])('%s is not a period', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});
