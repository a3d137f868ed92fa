import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { sumRuleOf } from './method';
import type { Catalogue } from './model';
import { TableError, useCatalogue } from './publication';
import { Loading } from '../../components/QueryState';

const m = fr.statistics.method;

function periodList(periods: readonly string[]): string {
  return periods.map(fr.statistics.period).join(', ');
}

function Method({ catalogue }: { catalogue: Catalogue }) {
  const minimum = catalogue.rules.minimumCount;
  const sumRule = sumRuleOf(catalogue.rules);
  const settlingDays = catalogue.tables[0]?.publication.settlingDays ?? 0;
  return (
    <>
      <h2>{m.tablesTitle}</h2>
      <p>{m.tablesLead}</p>
      <ul>
        {catalogue.tables.map((table) => (
          <li key={table.name}>
            <strong>{m.tableNames[table.name] ?? table.name}</strong>.{' '}
            {m.tableDimensions(
              table.dimensions.map((dimension) => m.dimensionNames[dimension] ?? dimension).join(', '),
            )}
          </li>
        ))}
      </ul>
      <h2>{m.countsTitle}</h2>
      <p>{m.counts(minimum)}</p>
      <h2>{m.sumsTitle}</h2>
      {sumRule ? (
        <p>{m.sums(sumRule.contributors, sumRule.dominance, minimum)}</p>
      ) : (
        <>
          <p>{m.sumsFromCatalogue}</p>
          <p lang="en">{catalogue.rules.sums}</p>
        </>
      )}
      <h2>{m.mediansTitle}</h2>
      <p>{m.medians(minimum)}</p>
      <h2>{m.secondaryTitle}</h2>
      <p>{m.secondary}</p>
      <h2>{m.periodsTitle}</h2>
      <p>{m.periods(settlingDays)}</p>
      <h2>{m.publicationTitle}</h2>
      <ul>
        {catalogue.tables.map((table) => {
          const name = m.tableNames[table.name] ?? table.name;
          const published = table.publication.publishedPeriods;
          const next = table.publication.nextPublication;
          return (
            <li key={table.name}>
              {published.length > 0 && (
                <>
                  {m.publishedRange(
                    name,
                    fr.statistics.period(published[0] ?? ''),
                    fr.statistics.period(published.at(-1) ?? ''),
                  )}{' '}
                </>
              )}
              {m.next(name, fr.statistics.day(next.date), periodList(next.periods))}
            </li>
          );
        })}
      </ul>
      <h2>{m.nationalTitle}</h2>
      <p>{m.national(minimum)}</p>
      <h2>{m.csvTitle}</h2>
      <p>{m.csv}</p>
    </>
  );
}

export default function MethodPage() {
  usePageTitle(m.title);
  const catalogue = useCatalogue();
  return (
    <>
      <h1>{m.title}</h1>
      <p className="fr-text--lead">{m.lead}</p>
      {catalogue.isPending ? (
        <Loading />
      ) : catalogue.isError ? (
        <TableError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <Method catalogue={catalogue.data} />
      )}
      <h2>{m.neverTitle}</h2>
      <p>{m.never}</p>
      <p>
        <Link to="/ce-que-relais-n-enregistre-pas" className="fr-link">
          {m.neverLink}
        </Link>
      </p>
    </>
  );
}
