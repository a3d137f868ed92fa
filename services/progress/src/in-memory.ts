import type { ServiceModule } from '@relais/host';
import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import { createProgressService, type ProgressPorts } from './compose';
import { InMemoryActivityStore } from './infrastructure/memory/in-memory-activity-store';
import { InMemoryCompletionMarkStore } from './infrastructure/memory/in-memory-completion-mark-store';

/** Every port of progress on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters({ verifier }: { verifier: TokenVerifier }): ProgressPorts {
  return {
    rosters: new InMemoryRosterStore(),
    activities: new InMemoryActivityStore(),
    marks: new InMemoryCompletionMarkStore(),
    verifier,
  };
}

/** Progress on in-memory adapters. */
export function createInMemoryProgressService(options: { verifier: TokenVerifier }): ServiceModule {
  return createProgressService(inMemoryAdapters(options));
}
