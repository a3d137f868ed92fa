import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { statsApi, unwrap } from '../../api/client';
import { ApiError, apiErrorFrom, describeError, NetworkError } from '../../api/errors';
import { accessToken } from '../../auth/session';
import { downloadText } from '../../components/download';
import { ErrorNotice } from '../../components/QueryState';
import { fr } from '../../i18n/fr';
import { METHOD_PATH } from './FigureView';
import type { Catalogue } from './model';

// A page module starts its requests as soon as it is evaluated, before React has shown it (a lazy
// route is revealed at least 300 ms after its fallback); the page's query then takes the answer over.
const early = new Map<string, Promise<unknown>>();

/** Starts `fetch` now, under `key`; the query with that key uses its answer once, then fetches itself. */
export function startEarly<T>(key: readonly string[], fetch: () => Promise<T>): Promise<T> {
  const id = key.join('|');
  const started = (early.get(id) as Promise<T> | undefined) ?? fetch();
  early.set(id, started);
  // Nobody may be waiting yet; the query reports the failure when it takes the answer over.
  started.catch(() => undefined);
  return started;
}

export function takeEarly<T>(key: readonly string[], fetch: () => Promise<T>): Promise<T> {
  const id = key.join('|');
  const started = early.get(id) as Promise<T> | undefined;
  early.delete(id);
  return started ?? fetch();
}

export const CATALOGUE_KEY = ['stats', 'catalogue'] as const;
export const fetchCatalogue = () => unwrap(statsApi.GET('/catalogue'));

export function useCatalogue() {
  return useQuery({
    queryKey: CATALOGUE_KEY,
    queryFn: () => takeEarly(CATALOGUE_KEY, fetchCatalogue),
    staleTime: 5 * 60_000,
  });
}

export function tableOf(catalogue: Catalogue, name: string) {
  return catalogue.tables.find((table) => table.name === name);
}

/** The day a period will be published, when the catalogue announces it. */
export function upcomingDate(catalogue: Catalogue, name: string, period: string): string | undefined {
  const next = tableOf(catalogue, name)?.publication.nextPublication;
  return next?.periods.includes(period) ? next.date : undefined;
}

/** A 404 PERIOD_NOT_PUBLISHED says when, in French; any other failure says what to do. */
export function TableError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && error.code === 'PERIOD_NOT_PUBLISHED') {
    const when = error.extensions['publishedOn'];
    return <NotPublished {...(typeof when === 'string' ? { date: when } : {})} />;
  }
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

export function NotPublished({ date }: { date?: string }) {
  return (
    <Alert
      severity="info"
      small
      description={
        date ? fr.statistics.notPublished(fr.statistics.day(date)) : fr.statistics.notPublishedUnknown
      }
    />
  );
}

/** "Publié le …", the demo notice when the catalogue carries one, and the link to the method. */
export function PublicationFacts({ publishedOn, demo }: { publishedOn: string; demo: boolean }) {
  return (
    <>
      {demo && <Alert className="fr-mb-3w" severity="warning" small description={fr.statistics.demoNotice} />}
      <p className="fr-text--sm fr-mb-1w">{fr.statistics.publishedOn(fr.statistics.day(publishedOn))}</p>
      <p className="fr-text--sm">
        <Link to={METHOD_PATH} className="fr-link fr-text--sm">
          {fr.statistics.methodLink}
        </Link>
      </p>
    </>
  );
}

/** The service's own CSV of the whole table (`Accept: text/csv`), exactly as published. */
async function fetchCsv(path: string, query: Record<string, string>): Promise<string> {
  const url = new URL(`/api/stats${path}`, window.location.origin);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) throw apiErrorFrom(response.status, await response.json().catch(() => undefined));
  return response.text();
}

export function ApiCsvButton({
  path,
  query,
  fileName,
}: {
  path: '/ministry/enrollments' | '/chsct/feedback-trends';
  query: Record<string, string>;
  fileName: string;
}) {
  const [state, setState] = useState<'idle' | 'pending' | 'failed'>('idle');
  const [failure, setFailure] = useState('');
  const download = async () => {
    setState('pending');
    try {
      downloadText(fileName, await fetchCsv(path, query));
      setState('idle');
    } catch (error) {
      setFailure(describeError(error));
      setState('failed');
    }
  };
  return (
    <>
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        iconPosition="left"
        disabled={state === 'pending'}
        onClick={() => void download()}
      >
        {state === 'pending' ? fr.statistics.downloading : fr.statistics.downloadCsv}
      </Button>
      {state === 'failed' && (
        <p role="alert" className="fr-error-text">
          {failure || fr.statistics.downloadFailed}
        </p>
      )}
    </>
  );
}
