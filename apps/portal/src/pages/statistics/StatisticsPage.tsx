import type { ReactNode } from 'react';
import { Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import type { Catalogue } from './model';
import { TableError, useCatalogue } from './publication';

/**
 * The frame both statistics pages share: title, lead, and the catalogue (which periods are published)
 * with its loading and error states; `children` draws the tables once the catalogue is known.
 */
export function StatisticsPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead: string;
  children: (catalogue: Catalogue) => ReactNode;
}) {
  usePageTitle(title);
  const catalogue = useCatalogue();
  return (
    <>
      <h1>{title}</h1>
      <p className="fr-text--lead">{lead}</p>
      {catalogue.isPending ? (
        <Loading />
      ) : catalogue.isError ? (
        <TableError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        children(catalogue.data)
      )}
    </>
  );
}
