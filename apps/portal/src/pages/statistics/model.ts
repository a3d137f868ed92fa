/**
 * Turns the stats service's cells into figures: one x axis (months, or academies/themes), one series
 * per line or bar, each point a value or a withheld cell with its reason. Charts and tables are drawn
 * from the same figure, so the table beside a chart always says exactly what the chart shows.
 */
import { toCsv } from '../../components/download';
import { fr } from '../../i18n/fr';
import type { paths } from '../../api/generated/stats';

export type TrendsTable =
  paths['/chsct/feedback-trends']['get']['responses'][200]['content']['application/json'];
export type MinistryTable =
  paths['/ministry/enrollments']['get']['responses'][200]['content']['application/json'];
export type Catalogue = paths['/catalogue']['get']['responses'][200]['content']['application/json'];
export type CatalogueTable = Catalogue['tables'][number];

export type Suppression = 'primary' | 'secondary';

/** A published value, a value withheld (with why), or nothing to measure (a median without replies). */
export type Point =
  { kind: 'value'; value: number } | { kind: 'secret'; reason: Suppression } | { kind: 'none' };

export interface Series {
  key: string;
  label: string;
  /** The "Ensemble" line: every row together. */
  total: boolean;
  points: Point[];
}

export type Unit = 'teachers' | 'days' | 'hours';

export interface Figure {
  id: string;
  title: string;
  kind: 'line' | 'bar';
  unit: Unit;
  /** Axis keys (months, academies, themes) and their French labels, in display order. */
  axis: { key: string; label: string }[];
  axisHeader: string;
  series: Series[];
  /**
   * A last row of the table (the ministry's national total): one point per series. Not drawn in the
   * chart, where a bar summing every other would flatten them; the table and the CSV carry it.
   */
  totalRow?: { label: string; points: Point[] };
  /** What "secret statistique" means for a primary suppression of this measure. */
  primaryReason: string;
}

interface RawCell {
  value: number | null;
  suppressed?: Suppression;
}

export function pointOf(cell: RawCell | undefined): Point {
  if (!cell) return { kind: 'none' };
  if (cell.value === null)
    return cell.suppressed ? { kind: 'secret', reason: cell.suppressed } : { kind: 'none' };
  return { kind: 'value', value: cell.value };
}

export function reasonText(point: Point, figure: Pick<Figure, 'primaryReason'>): string {
  if (point.kind !== 'secret') return '';
  return point.reason === 'primary' ? figure.primaryReason : fr.statistics.reasons.secondary;
}

export function labelOf(dimension: string, key: string): string {
  if (dimension === 'category') return fr.vocabulary.categories[key] ?? key;
  if (dimension === 'academy') return fr.statistics.academies[key] ?? key;
  if (dimension === 'theme') return fr.statistics.themes[key] ?? key;
  if (dimension === 'intensityBand') return fr.statistics.bands[key] ?? key;
  return key;
}

/** Every month from `from` to `to`, both included (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const rowOrder = (a: string, b: string) => a.localeCompare(b, 'fr');

/** The CHSCT's three figures: respondents per row, intensity bands of all rows, median reply days. */
export function trendFigures(table: TrendsTable): Figure[] {
  const row = table.by;
  const months = monthsBetween(table.from, table.to);
  const axis = months.map((month) => ({ key: month, label: fr.statistics.shortMonth(month) }));
  const rowKey = (cell: TrendsTable['cells'][number]) => cell[row];
  const rows = [...new Set(table.cells.map(rowKey).filter((key): key is string => key !== undefined))].sort(
    (a, b) => rowOrder(labelOf(row, a), labelOf(row, b)),
  );
  const lookup = new Map<string, TrendsTable['cells'][number]>();
  for (const cell of table.cells) {
    lookup.set([cell.measure, cell.month, rowKey(cell) ?? '', cell.intensityBand ?? ''].join('|'), cell);
  }
  // A series the table has no cell for (the national line in an academy's table) is not drawn at all.
  const seriesOf = (measure: string, key: string | undefined, band: string | undefined, label: string) => {
    const cells = months.map((month) => lookup.get([measure, month, key ?? '', band ?? ''].join('|')));
    if (cells.every((cell) => cell === undefined)) return [];
    return [
      {
        key: `${key ?? 'total'}|${band ?? 'all'}`,
        label,
        total: key === undefined && band === undefined,
        points: cells.map(pointOf),
      },
    ];
  };
  const perRow = (measure: string) => [
    ...rows.flatMap((key) => seriesOf(measure, key, undefined, labelOf(row, key))),
    ...seriesOf(measure, undefined, undefined, fr.statistics.total),
  ];
  // Bands of all rows together; an academy's table by academy has one row and no margin: that row's bands.
  const bandsOf = (key: string | undefined) =>
    ['low', 'medium', 'high'].flatMap((band) =>
      seriesOf('respondents', key, band, labelOf('intensityBand', band)),
    );
  const bands = bandsOf(undefined).length > 0 || rows.length !== 1 ? bandsOf(undefined) : bandsOf(rows[0]);
  const minimum = table.minimumCount;
  return [
    {
      id: 'repondants',
      title: fr.statistics.chsct.respondents,
      kind: 'line',
      unit: 'teachers',
      axis,
      axisHeader: fr.statistics.chsct.monthHeader,
      series: perRow('respondents'),
      primaryReason: fr.statistics.primaryReason(minimum, 'count'),
    },
    {
      id: 'intensite',
      title: fr.statistics.chsct.bands,
      kind: 'line',
      unit: 'teachers',
      axis,
      axisHeader: fr.statistics.chsct.monthHeader,
      series: bands,
      primaryReason: fr.statistics.primaryReason(minimum, 'count'),
    },
    {
      id: 'delai',
      title: fr.statistics.chsct.median,
      kind: 'line',
      unit: 'days',
      axis,
      axisHeader: fr.statistics.chsct.monthHeader,
      series: perRow('median-days-to-first-reply'),
      primaryReason: fr.statistics.primaryReason(minimum, 'median'),
    },
  ];
}

const countMeasures = ['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn'] as const;

/**
 * The ministry's two figures for one period: teachers per measure, and credited hours, each table
 * ending with the national total when the period has one (a cell naming neither academy nor theme).
 */
export function ministryFigures(table: MinistryTable): Figure[] {
  const dimension = table.by;
  const keys = [
    ...new Set(table.cells.map((cell) => cell[dimension]).filter((key): key is string => key !== undefined)),
  ].sort((a, b) => rowOrder(labelOf(dimension, a), labelOf(dimension, b)));
  const axis = keys.map((key) => ({ key, label: labelOf(dimension, key) }));
  const isNational = (cell: MinistryTable['cells'][number]) =>
    cell.academy === undefined && cell.theme === undefined;
  const lookup = new Map(
    table.cells
      .filter((cell) => !isNational(cell))
      .map((cell) => [`${cell.measure}|${cell[dimension]}`, cell]),
  );
  const national = new Map<string, RawCell>(
    table.cells.filter(isNational).map((cell) => [cell.measure, cell]),
  );
  const seriesOf = (measure: string) => ({
    key: measure,
    label: fr.statistics.ministry.measures[measure] ?? measure,
    total: false,
    points: keys.map((key) => pointOf(lookup.get(`${measure}|${key}`))),
  });
  const totalRowOf = (measures: readonly string[]) =>
    national.size === 0
      ? {}
      : {
          totalRow: {
            label: fr.statistics.ministry.national,
            points: measures.map((measure) => pointOf(national.get(measure))),
          },
        };
  const axisHeader = fr.statistics.ministry.rowHeader[dimension] ?? dimension;
  return [
    {
      id: 'enseignants',
      title: fr.statistics.ministry.teachers,
      kind: 'bar',
      unit: 'teachers',
      axis,
      axisHeader,
      series: countMeasures.map(seriesOf),
      ...totalRowOf(countMeasures),
      primaryReason: fr.statistics.primaryReason(table.minimumCount, 'count'),
    },
    {
      id: 'heures',
      title: fr.statistics.ministry.hours,
      kind: 'bar',
      unit: 'hours',
      axis,
      axisHeader,
      series: [seriesOf('credited-hours')],
      ...totalRowOf(['credited-hours']),
      primaryReason: fr.statistics.primaryReason(table.minimumCount, 'hours'),
    },
  ];
}

/** The figure's table as CSV: a withheld value stays empty, its reason in the next column. */
export function figureCsv(figure: Figure): string {
  const header = [
    figure.axisHeader,
    ...figure.series.flatMap((series) => [series.label, `${series.label} (secret)`]),
  ];
  const cellsOf = (point: Point = { kind: 'none' }) =>
    point.kind === 'value' ? [point.value, ''] : ['', reasonText(point, figure)];
  const rows = figure.axis.map((entry, index) => [
    entry.key,
    ...figure.series.flatMap((series) => cellsOf(series.points[index])),
  ]);
  const total = figure.totalRow ? [[figure.totalRow.label, ...figure.totalRow.points.flatMap(cellsOf)]] : [];
  return toCsv([header, ...rows, ...total]);
}
