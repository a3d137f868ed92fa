import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import { createProgressService, type ProgressModule, type ProgressPorts } from './compose';
import { InMemoryActivityStore } from './infrastructure/memory/in-memory-activity-store';
import { InMemoryCompletionMarkStore } from './infrastructure/memory/in-memory-completion-mark-store';

/** What the in-memory host decides: the verifier, and for tests the retention job's clock and interval. */
export type InMemoryProgressOptions = { verifier: TokenVerifier } & Pick<
  ProgressPorts,
  'clock' | 'retentionIntervalMs' | 'log'
>;

/** Every port of progress on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters({ verifier, ...options }: InMemoryProgressOptions): ProgressPorts {
  return {
    rosters: new InMemoryRosterStore(),
    activities: new InMemoryActivityStore(),
    marks: new InMemoryCompletionMarkStore(),
    verifier,
    ...options,
  };
}

/** Progress on in-memory adapters. */
export function createInMemoryProgressService(options: InMemoryProgressOptions): ProgressModule {
  return createProgressService(inMemoryAdapters(options));
}
