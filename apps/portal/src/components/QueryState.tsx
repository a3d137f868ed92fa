import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors';
import { fr } from '../i18n/fr';

export function Loading({ label = fr.list.loading }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="fr-text--sm">
      {label}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      severity="error"
      small
      title={fr.list.errorTitle}
      description={
        <>
          {describeError(error)}
          {onRetry && (
            <>
              {' '}
              <Button priority="tertiary" size="small" onClick={onRetry}>
                {fr.list.retry}
              </Button>
            </>
          )}
        </>
      }
    />
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What to say when the data is there but there is nothing to show. */
  empty: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

const defaultIsEmpty = (data: unknown) => Array.isArray(data) && data.length === 0;

/** The loading, error and empty states every list shares, so no page forgets one. */
export function QueryState<T>({ query, empty, isEmpty = defaultIsEmpty, children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data)) return <p className="relais-empty">{empty}</p>;
  return <>{children(query.data)}</>;
}
