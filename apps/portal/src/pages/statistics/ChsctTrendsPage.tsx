import { Select } from '@codegouvfr/react-dsfr/Select';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { statsApi, unwrap } from '../../api/client';
import { Loading } from '../../components/QueryState';
import { fr } from '../../i18n/fr';
import { DimensionAndApply } from './DimensionAndApply';
import { StatisticsPage } from './StatisticsPage';
import { FigureView, prefetchChart } from './FigureView';
import { labelOf, monthsBetween, trendFigures, type Catalogue } from './model';
import {
  ApiCsvButton,
  CATALOGUE_KEY,
  fetchCatalogue,
  NotPublished,
  PublicationFacts,
  startEarly,
  TableError,
  tableOf,
  takeEarly,
  upcomingDate,
} from './publication';

// This page always draws charts: fetch the library and the data with the page's own code.
void prefetchChart();
void startEarly(CATALOGUE_KEY, fetchCatalogue).then((catalogue) => {
  const range = rangeOf(catalogue, new URLSearchParams(window.location.search));
  if (
    range.from &&
    range.to &&
    !upcomingDate(catalogue, TABLE, range.to) &&
    !rangeProblem(range.from, range.to)
  ) {
    void startEarly(trendsKey(range), () => fetchTrends(range));
  }
});

const TABLE = 'chsct-feedback-trends';
const MAX_MONTHS = 36;
const DEFAULT_MONTHS = 24;
type By = 'category' | 'academy';

/** Months a person may pick: the published ones, then those of the next publication (said as such). */
function monthChoices(catalogue: Catalogue) {
  const publication = tableOf(catalogue, TABLE)?.publication;
  const published = publication?.publishedPeriods ?? [];
  const upcoming = (publication?.nextPublication.periods ?? []).filter((month) => !published.includes(month));
  return { published, upcoming };
}

interface Range {
  from: string;
  to: string;
  by: By;
}

/** The range asked for in the URL, else the latest 24 published months, by category. */
function rangeOf(catalogue: Catalogue, params: URLSearchParams): Range {
  const { published } = monthChoices(catalogue);
  return {
    from: params.get('du') ?? published.at(-Math.min(DEFAULT_MONTHS, published.length)) ?? '',
    to: params.get('au') ?? published.at(-1) ?? '',
    by: params.get('par') === 'academy' ? 'academy' : 'category',
  };
}

const trendsKey = (range: Range) => ['stats', 'chsct-trends', range.from, range.to, range.by];
const fetchTrends = (range: Range) =>
  unwrap(statsApi.GET('/chsct/feedback-trends', { params: { query: { ...range } } }));

function rangeProblem(from: string, to: string): string | undefined {
  if (from > to) return fr.statistics.chsct.rangeReversed;
  if (monthsBetween(from, to).length > MAX_MONTHS) return fr.statistics.chsct.rangeTooLong(MAX_MONTHS);
  return undefined;
}

/** The first chart on screen, for the speed target of issue 17 (≤ 1 s): tests read this mark. */
function markFirstChart() {
  if (performance.getEntriesByName('relais:first-chart').length === 0) performance.mark('relais:first-chart');
}

function Trends({ catalogue }: { catalogue: Catalogue }) {
  const [params, setParams] = useSearchParams();
  const { published, upcoming } = monthChoices(catalogue);
  const dimensions = (tableOf(catalogue, TABLE)?.dimensions ?? []).filter(
    (dimension): dimension is By => dimension === 'category' || dimension === 'academy',
  );
  const applied = rangeOf(catalogue, params);
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string>();
  const notYet = upcomingDate(catalogue, TABLE, applied.to);
  const appliedProblem = rangeProblem(applied.from, applied.to);

  const trends = useQuery({
    queryKey: trendsKey(applied),
    queryFn: () => takeEarly(trendsKey(applied), () => fetchTrends(applied)),
    enabled: Boolean(applied.from && applied.to) && !notYet && !appliedProblem,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const figures = useMemo(() => (trends.data ? trendFigures(trends.data) : []), [trends.data]);
  // The later charts wait for the first one to be on screen: it appears one frame sooner.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const onFirstChart = useCallback(() => {
    markFirstChart();
    requestAnimationFrame(() => setFirstDrawn(true));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeProblem(draft.from, draft.to);
    setProblem(found);
    if (!found) setParams({ du: draft.from, au: draft.to, par: draft.by });
  };
  const option = (month: string) => {
    const date = upcomingDate(catalogue, TABLE, month);
    const label = fr.statistics.period(month);
    return (
      <option key={month} value={month}>
        {date ? `${label} (${fr.statistics.ministry.upcoming(fr.statistics.day(date))})` : label}
      </option>
    );
  };

  return (
    <>
      <form onSubmit={submit} className="fr-mb-4w" noValidate>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{fr.statistics.chsct.rangeHint(MAX_MONTHS)}</legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Select
              label={fr.statistics.chsct.from}
              nativeSelectProps={{
                value: draft.from,
                onChange: (event) => setDraft({ ...draft, from: event.target.value }),
              }}
            >
              {published.map(option)}
            </Select>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Select
              label={fr.statistics.chsct.to}
              state={problem ? 'error' : 'default'}
              stateRelatedMessage={problem}
              nativeSelectProps={{
                value: draft.to,
                onChange: (event) => setDraft({ ...draft, to: event.target.value }),
              }}
            >
              {[...published, ...upcoming].map(option)}
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
      ) : appliedProblem ? (
        <p className="fr-error-text">{appliedProblem}</p>
      ) : trends.isPending ? (
        <Loading />
      ) : trends.isError ? (
        <TableError error={trends.error} onRetry={() => void trends.refetch()} />
      ) : trends.data.cells.length === 0 ? (
        <p className="relais-empty">{fr.statistics.emptyTable}</p>
      ) : (
        <>
          <p>
            {trends.data.scope === 'academy'
              ? fr.statistics.chsct.scopeAcademy(labelOf('academy', trends.data.academy ?? ''))
              : fr.statistics.chsct.scopeNational}
          </p>
          <PublicationFacts publishedOn={trends.data.publishedOn} demo={catalogue.notice !== undefined} />
          <div className="fr-mb-4w">
            <ApiCsvButton
              path="/chsct/feedback-trends"
              query={{ from: applied.from, to: applied.to, by: applied.by }}
              fileName={`relais-chsct-${applied.by}-${applied.from}-${applied.to}.csv`}
            />
          </div>
          {figures.map((figure, index) =>
            index === 0 ? (
              <FigureView key={figure.id} figure={figure} onChartReady={onFirstChart} />
            ) : (
              <FigureView key={figure.id} figure={figure} chartDeferred={!firstDrawn} />
            ),
          )}
        </>
      )}
    </>
  );
}

export default function ChsctTrendsPage() {
  return (
    <StatisticsPage title={fr.statistics.chsct.title} lead={fr.statistics.chsct.lead}>
      {(catalogue) => <Trends catalogue={catalogue} />}
    </StatisticsPage>
  );
}
