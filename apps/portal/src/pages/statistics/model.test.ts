import { describe, expect, it } from 'vitest';
import {
  figureCsv,
  ministryFigures,
  monthsBetween,
  trendFigures,
  type MinistryTable,
  type TrendsTable,
} from './model';
import { sumRuleOf } from './method';

function trends(cells: TrendsTable['cells']): TrendsTable {
  return {
    table: 'chsct-feedback-trends',
    from: '2025-11',
    to: '2026-01',
    by: 'category',
    scope: 'national',
    publishedOn: '2026-02-08',
    minimumCount: 11,
    cells,
  };
}

describe('CHSCT figures', () => {
  const table = trends([
    { month: '2025-11', category: 'workload-time', measure: 'respondents', value: 40 },
    {
      month: '2025-12',
      category: 'workload-time',
      measure: 'respondents',
      value: null,
      suppressed: 'primary',
    },
    { month: '2026-01', category: 'workload-time', measure: 'respondents', value: 0 },
    { month: '2025-11', measure: 'respondents', value: 52 },
    { month: '2025-12', measure: 'respondents', value: null, suppressed: 'secondary' },
    { month: '2025-11', intensityBand: 'high', measure: 'respondents', value: 15 },
    { month: '2025-11', category: 'workload-time', measure: 'median-days-to-first-reply', value: null },
  ]);
  const [respondents, bands, median] = trendFigures(table);

  it('lays every month of the range on the axis, a missing one included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(respondents?.axis.map((entry) => entry.key)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('keeps a withheld cell as a secret with its reason, never as 0, and a real 0 as 0', () => {
    const workload = respondents?.series.find((series) => series.key === 'workload-time|all');
    expect(workload?.label).toBe('Charge de travail et temps disponible');
    expect(workload?.points).toEqual([
      { kind: 'value', value: 40 },
      { kind: 'secret', reason: 'primary' },
      { kind: 'value', value: 0 },
    ]);
    const total = respondents?.series.find((series) => series.total);
    expect(total?.points[1]).toEqual({ kind: 'secret', reason: 'secondary' });
  });

  it('draws the bands of all categories together, and a median without replies as nothing', () => {
    // Only the band the table has cells for: a band with no cell at all is not drawn as an empty line.
    expect(bands?.series.map((series) => series.key)).toEqual(['total|high']);
    expect(bands?.series.some((series) => series.total)).toBe(false);
    expect(bands?.series[0]?.points).toEqual([
      { kind: 'value', value: 15 },
      { kind: 'none' },
      { kind: 'none' },
    ]);
    expect(median?.series.find((series) => series.key === 'workload-time|all')?.points[0]).toEqual({
      kind: 'none',
    });
  });

  it('writes the CSV with an empty value and the reason beside it', () => {
    const csv = figureCsv(respondents!);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('Charge de travail et temps disponible (secret)');
    expect(lines[2]).toContain(',,moins de 11 enseignants');
    expect(lines[2]).toContain(',,secondaire : protège une autre case');
  });
});

describe('an academy member’s table by academy', () => {
  it('draws his academy’s line and bands, and no national line it does not have', () => {
    const table: TrendsTable = {
      ...trends([
        { month: '2025-11', academy: 'lyon', measure: 'respondents', value: 133 },
        { month: '2025-11', academy: 'lyon', intensityBand: 'high', measure: 'respondents', value: 60 },
      ]),
      by: 'academy',
      scope: 'academy',
      academy: 'lyon',
    };
    const [respondents, bands] = trendFigures(table);
    expect(respondents?.series.map((series) => series.label)).toEqual(['Lyon']);
    expect(bands?.series.map((series) => series.key)).toEqual(['lyon|high']);
    expect(bands?.series[0]?.points[0]).toEqual({ kind: 'value', value: 60 });
  });
});

describe('ministry figures', () => {
  const table: MinistryTable = {
    table: 'ministry-enrollments',
    period: '2026-Q3',
    by: 'academy',
    publishedOn: '2026-10-08',
    minimumCount: 11,
    cells: [
      { academy: 'lyon', measure: 'teachers-enrolled', value: 219 },
      { academy: 'lyon', measure: 'credited-hours', value: 795 },
      { academy: 'corse', measure: 'teachers-enrolled', value: 15 },
      { academy: 'corse', measure: 'credited-hours', value: null, suppressed: 'primary' },
    ],
  };

  it('names the academies in French, in French order, and gives hours their own reason', () => {
    const [teachers, hours] = ministryFigures(table);
    expect(teachers?.axis.map((entry) => entry.label)).toEqual(['Corse', 'Lyon']);
    expect(teachers?.series.map((series) => series.label)).toEqual([
      'Inscrits',
      'Formation terminée',
      'Retirés',
    ]);
    expect(hours?.series[0]?.points).toEqual([
      { kind: 'secret', reason: 'primary' },
      { kind: 'value', value: 795 },
    ]);
    expect(hours?.primaryReason).toBe('trop peu de contributions ou une seule trop importante');
  });

  it('has no national row when the period was published without one', () => {
    for (const figure of ministryFigures(table)) expect(figure.totalRow).toBeUndefined();
  });

  it('ends each table with the national total, off the chart, a withheld one as a secret', () => {
    const [teachers, hours] = ministryFigures({
      ...table,
      cells: [
        ...table.cells,
        { measure: 'teachers-enrolled', value: 234 },
        { measure: 'teachers-completed', value: 180 },
        { measure: 'teachers-withdrawn', value: null, suppressed: 'primary' },
        { measure: 'credited-hours', value: 1620.5 },
      ],
    });
    expect(teachers?.axis.map((entry) => entry.label)).toEqual(['Corse', 'Lyon']);
    expect(teachers?.totalRow).toEqual({
      label: 'Total national',
      points: [
        { kind: 'value', value: 234 },
        { kind: 'value', value: 180 },
        { kind: 'secret', reason: 'primary' },
      ],
    });
    expect(hours?.totalRow?.points).toEqual([{ kind: 'value', value: 1620.5 }]);
    const csv = figureCsv(teachers!).replace('\uFEFF', '').trim().split('\r\n');
    expect(csv.at(-1)).toBe('Total national,234,,180,,,moins de 11 enseignants');
  });
});

describe('the method read from the catalogue', () => {
  const rules = {
    minimumCount: 11,
    counts: '',
    sums: 'credited hours: at least 3 contributions (a completion credited or revoked) and as many as the minimum count, none above 85 % of the sum',
    medians: '',
    secondarySuppression: '',
    periods: '',
    csv: '',
  };

  it('takes the contributors and the dominance threshold from the rule in force', () => {
    expect(sumRuleOf(rules)).toEqual({ contributors: '3', dominance: '85' });
    expect(sumRuleOf({ ...rules, sums: 'at least 4 contributions, none above 70.5 % of it' })).toEqual({
      contributors: '4',
      dominance: '70,5',
    });
  });

  it('gives up rather than guess when the sentence changes shape', () => {
    expect(sumRuleOf({ ...rules, sums: 'three or more contributors' })).toBeUndefined();
  });
});
