import { Button } from '@codegouvfr/react-dsfr/Button';
import { Component, useEffect, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { fr } from '../../i18n/fr';
import { formatNumber } from '../../i18n/format';
import { Loading } from '../../components/QueryState';
import { downloadText } from '../../components/download';
import { figureCsv, reasonText, type Figure, type Point } from './model';
import type * as EChartModule from './EChart';
import { TableFrame } from '../../components/TableFrame';

type ChartModule = typeof EChartModule;

// The charting library is fetched by the pages that draw charts, never on the portal's first load. Not
// through React.lazy: a suspended chart is revealed at least 300 ms after its fallback (React 19's
// throttle), which alone would spend a third of the one-second budget of the first chart.
let chartModule: ChartModule | undefined;
let chartLoading: Promise<ChartModule> | undefined;

/** Starts fetching the charting library while the page still waits for its data. */
export function prefetchChart(): Promise<ChartModule> {
  chartLoading ??= import('./EChart').then((loaded) => (chartModule = loaded));
  return chartLoading;
}

function useChartModule(): ChartModule | 'loading' | 'failed' {
  const [state, setState] = useState<ChartModule | 'loading' | 'failed'>(chartModule ?? 'loading');
  useEffect(() => {
    if (state !== 'loading') return;
    let active = true;
    prefetchChart().then(
      (loaded) => active && setState(loaded),
      () => {
        // A failed chunk may load on a later visit: forget the failed attempt.
        chartLoading = undefined;
        if (active) setState('failed');
      },
    );
    return () => {
      active = false;
    };
  }, [state]);
  return state;
}

function Chart({ figure, onReady }: { figure: Figure; onReady?: () => void }) {
  const loaded = useChartModule();
  if (loaded === 'loading') return <Loading label={fr.statistics.loadingChart} />;
  if (loaded === 'failed') return <p className="fr-text--sm">{fr.statistics.chartFailed}</p>;
  const EChart = loaded.default;
  return <EChart figure={figure} {...(onReady ? { onReady } : {})} />;
}

export const METHOD_PATH = '/statistiques/methode';

/** If the chart cannot be drawn, the page keeps its table: the table is the source of truth. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) return <p className="fr-text--sm">{fr.statistics.chartFailed}</p>;
    return this.props.children;
  }
}

export function PointText({ point, figure }: { point: Point; figure: Figure }) {
  if (point.kind === 'value') return <>{formatNumber(point.value)}</>;
  // A median without any reply has no value; another missing cell is simply not in the table.
  if (point.kind === 'none')
    return <>{figure.unit === 'days' ? fr.statistics.noReply : fr.statistics.noData}</>;
  return (
    <>
      <span className="relais-secret">{fr.statistics.secret}</span>
      <br />
      <span className="fr-text--xs">({reasonText(point, figure)})</span>
    </>
  );
}

export function FigureTable({ figure }: { figure: Figure }) {
  return (
    <TableFrame caption={fr.statistics.tableCaption(figure.title)} scrollable>
      <thead>
        <tr>
          <th scope="col">{figure.axisHeader}</th>
          {figure.series.map((series) => (
            <th scope="col" key={series.key}>
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {figure.axis.map((entry, index) => (
          <tr key={entry.key}>
            <th scope="row">{entry.label}</th>
            {figure.series.map((series) => (
              <td key={series.key}>
                <PointText point={series.points[index] ?? { kind: 'none' }} figure={figure} />
              </td>
            ))}
          </tr>
        ))}
        {figure.totalRow && (
          <tr>
            <th scope="row">{figure.totalRow.label}</th>
            {figure.series.map((series, index) => (
              <td key={series.key}>
                <PointText point={figure.totalRow?.points[index] ?? { kind: 'none' }} figure={figure} />
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </TableFrame>
  );
}

/** One chart, its description, the "Voir le tableau" toggle, its CSV and the link to the method. */
export function FigureView({
  figure,
  onChartReady,
  chartDeferred = false,
}: {
  figure: Figure;
  onChartReady?: () => void;
  /** Keeps the chart's place empty for now (the page draws its first chart first). */
  chartDeferred?: boolean;
}) {
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const titleId = useId();
  return (
    <section className="fr-mb-6w" aria-labelledby={titleId}>
      <h2 id={titleId} className="fr-h4">
        {figure.title}
      </h2>
      <ChartBoundary>
        {chartDeferred ? (
          <Loading label={fr.statistics.loadingChart} />
        ) : (
          <Chart figure={figure} {...(onChartReady ? { onReady: onChartReady } : {})} />
        )}
      </ChartBoundary>
      {/* icon-left: without it DSFR draws an icon button of a group as the icon alone, its label hidden. */}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left fr-mt-2w">
        <li>
          <Button
            priority="secondary"
            aria-expanded={tableShown}
            aria-controls={tableId}
            onClick={() => setTableShown((shown) => !shown)}
          >
            {tableShown ? fr.statistics.hideTable : fr.statistics.showTable}
          </Button>
        </li>
        <li>
          <Button
            priority="tertiary"
            iconId="fr-icon-download-line"
            iconPosition="left"
            onClick={() => downloadText(`relais-${figure.id}.csv`, figureCsv(figure))}
          >
            {fr.statistics.downloadCsvOf(figure.title)}
          </Button>
        </li>
      </ul>
      <div id={tableId} hidden={!tableShown}>
        {tableShown && <FigureTable figure={figure} />}
      </div>
      <p className="fr-text--sm">
        <Link to={METHOD_PATH} className="fr-link fr-text--sm">
          {fr.statistics.methodLink}
        </Link>
      </p>
    </section>
  );
}
