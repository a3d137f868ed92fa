import { Select } from '@codegouvfr/react-dsfr/Select';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { statsApi, unwrap } from '../../api/client';
import { Loading } from '../../components/QueryState';
import { fr } from '../../i18n/fr';
import { DimensionAndApply } from './DimensionAndApply';
import { StatisticsPage } from './StatisticsPage';
import { FigureView, prefetchChart } from './FigureView';
import { ministryFigures, type Catalogue } from './model';
import {
  ApiCsvButton,
  NotPublished,
  PublicationFacts,
  TableError,
  tableOf,
  upcomingDate,
} from './publication';

// This page always draws charts: fetch the library with the page's own code, not after its data.
prefetchChart();

const TABLE = 'ministry-enrollments';
type By = 'academy' | 'theme';

/** Newest first, a quarter before its months, so the latest closed quarter is the first choice. */
function periodOrder(a: string, b: string): number {
  const key = (period: string) => {
    const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
    if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}-z`;
    return `${period}-a`;
  };
  return key(b).localeCompare(key(a));
}

function Statistics({ catalogue }: { catalogue: Catalogue }) {
  const [params, setParams] = useSearchParams();
  const publication = tableOf(catalogue, TABLE)?.publication;
  const published = [...(publication?.publishedPeriods ?? [])].sort(periodOrder);
  const upcoming = (publication?.nextPublication.periods ?? []).filter(
    (period) => !published.includes(period),
  );
  const dimensions = (tableOf(catalogue, TABLE)?.dimensions ?? []).filter(
    (dimension): dimension is By => dimension === 'academy' || dimension === 'theme',
  );
  const applied = {
    period: params.get('periode') ?? published[0] ?? '',
    by: (params.get('par') === 'theme' ? 'theme' : 'academy') as By,
  };
  const [draft, setDraft] = useState(applied);
  const notYet = upcomingDate(catalogue, TABLE, applied.period);

  const table = useQuery({
    queryKey: ['stats', 'ministry', applied.period, applied.by],
    queryFn: () =>
      unwrap(
        statsApi.GET('/ministry/enrollments', {
          params: { query: { period: applied.period, by: applied.by } },
        }),
      ),
    enabled: Boolean(applied.period) && !notYet,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const figures = useMemo(() => (table.data ? ministryFigures(table.data) : []), [table.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ periode: draft.period, par: draft.by });
  };

  return (
    <>
      <form onSubmit={submit} className="fr-mb-4w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{fr.statistics.ministry.periodHint}</legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Select
              label={fr.statistics.ministry.period}
              nativeSelectProps={{
                value: draft.period,
                onChange: (event) => setDraft({ ...draft, period: event.target.value }),
              }}
            >
              {[...upcoming, ...published].map((period) => {
                const date = upcomingDate(catalogue, TABLE, period);
                const label = fr.statistics.period(period);
                return (
                  <option key={period} value={period}>
                    {date ? `${label} (${fr.statistics.ministry.upcoming(fr.statistics.day(date))})` : label}
                  </option>
                );
              })}
            </Select>
          </div>
          <DimensionAndApply
            dimensions={dimensions}
            value={draft.by}
            onChange={(by) => setDraft({ ...draft, by })}
          />
        </fieldset>
      </form>
      {notYet ? (
        <NotPublished date={notYet} />
      ) : table.isPending ? (
        <Loading />
      ) : table.isError ? (
        <TableError error={table.error} onRetry={() => void table.refetch()} />
      ) : table.data.cells.length === 0 ? (
        <p className="relais-empty">{fr.statistics.emptyTable}</p>
      ) : (
        <>
          <h2 className="fr-h3">{fr.statistics.period(table.data.period)}</h2>
          <PublicationFacts publishedOn={table.data.publishedOn} demo={catalogue.notice !== undefined} />
          <div className="fr-mb-4w">
            <ApiCsvButton
              path="/ministry/enrollments"
              query={{ period: applied.period, by: applied.by }}
              fileName={`relais-ministere-${applied.by}-${applied.period}.csv`}
            />
          </div>
          <p className="fr-text--sm">{fr.statistics.ministry.nationalNote}</p>
          {figures.map((figure) => (
            <FigureView key={figure.id} figure={figure} />
          ))}
        </>
      )}
    </>
  );
}

export default function MinistryStatsPage() {
  return (
    <StatisticsPage title={fr.statistics.ministry.title} lead={fr.statistics.ministry.lead}>
      {(catalogue) => <Statistics catalogue={catalogue} />}
    </StatisticsPage>
  );
}
