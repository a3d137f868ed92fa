import { Button } from '@codegouvfr/react-dsfr/Button';
import { lazy, Suspense, useId, useState, Component, type ReactNode } from 'react';
import { Link } from 'react-router';
import { fr } from '../../i18n/fr';
import { formatNumber } from '../../i18n/format';
import { Loading } from '../../components/QueryState';
import { downloadText } from '../../components/download';
import { figureCsv, reasonText, type Figure, type Point } from './model';

// The charting library is fetched the first time a page draws a chart, never on the portal's first load.
const EChart = lazy(() => import('./EChart'));

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
  if (point.kind === 'none') return <>{fr.statistics.noReply}</>;
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
    <div className="fr-table fr-table--bordered">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{fr.statistics.tableCaption(figure.title)}</caption>
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
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** One chart, its description, the "Voir le tableau" toggle, its CSV and the link to the method. */
export function FigureView({ figure, onChartReady }: { figure: Figure; onChartReady?: () => void }) {
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const titleId = useId();
  return (
    <section className="fr-mb-6w" aria-labelledby={titleId}>
      <h2 id={titleId} className="fr-h4">
        {figure.title}
      </h2>
      <ChartBoundary>
        <Suspense fallback={<Loading label={fr.statistics.loadingChart} />}>
          <EChart figure={figure} {...(onChartReady ? { onReady: onChartReady } : {})} />
        </Suspense>
      </ChartBoundary>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mt-2w">
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
