import { useQueries, useQuery } from '@tanstack/react-query';
import type { components } from './generated/enrollment';
import { enrollmentApi, feedbackApi, notificationsApi, progressApi, statsApi, unwrap } from './client';

export type PersonalDataExport = components['schemas']['PersonalDataExport'];

/**
 * Every service answers `GET /me/data` with the same document (libs/platform's personal-data
 * declaration); the page asks each one, in this order, and shows each as it arrives.
 */
const sources = [
  { service: 'enrollment', read: () => unwrap(enrollmentApi.GET('/me/data')) },
  { service: 'progress', read: () => unwrap(progressApi.GET('/me/data')) },
  { service: 'feedback', read: () => unwrap(feedbackApi.GET('/me/data')) },
  // What only the author's own request ties to him (ADR 0009): his anonymous items, recognised by
  // the keyed token his identity gives, asked apart so that no single answer puts both side by side.
  { service: 'feedback-anonymous', read: () => unwrap(feedbackApi.GET('/me/data/anonymous-authorship')) },
  { service: 'notifications', read: () => unwrap(notificationsApi.GET('/me/data')) },
  { service: 'stats', read: () => unwrap(statsApi.GET('/me/data')) },
] as const;

export const myDataServices = sources.map((source) => source.service);

export function useMyData() {
  return useQueries({
    queries: sources.map((source) => ({
      queryKey: [source.service, 'me', 'data'] as const,
      queryFn: (): Promise<PersonalDataExport> => source.read(),
    })),
  });
}

/** L2: the categories of data the API refuses, from the same list as its refusal (progress service). */
export function useNotRecorded() {
  return useQuery({
    queryKey: ['progress', 'not-recorded'] as const,
    queryFn: () => unwrap(progressApi.GET('/not-recorded')),
  });
}
