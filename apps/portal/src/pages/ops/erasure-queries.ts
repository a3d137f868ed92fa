import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollmentApi, unwrap } from '../../api/client';
import { pendingCount, type ErasureBody } from './erasure-rules';

const erasuresKey = ['enrollment', 'ops', 'erasures'] as const;

/**
 * How often the list is read again while an erasure runs. The standalone finishes in about a second;
 * across processes each service forgets on its own consumer, seconds apart. Five seconds shows the end
 * soon enough without asking every second for a page nobody may be reading.
 */
export const ERASURE_REFRESH_MS = 5_000;

/**
 * The latest erasure requests. While one is pending and the administrator keeps the automatic refresh
 * on, the list is read again every few seconds (TanStack Query pauses it while the tab is hidden);
 * once all are done it stops asking, since only a new request can change it then.
 */
export function useErasures(autoRefresh: boolean) {
  return useQuery({
    queryKey: erasuresKey,
    queryFn: () => unwrap(enrollmentApi.GET('/ops/erasures')),
    refetchInterval: (query) =>
      autoRefresh && pendingCount(query.state.data?.erasures ?? []) > 0 ? ERASURE_REFRESH_MS : false,
  });
}

/** One POST per confirmed request; the list is read again at once to show it. */
export function useRequestErasure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ErasureBody) => unwrap(enrollmentApi.POST('/ops/erasures', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: erasuresKey }),
  });
}
