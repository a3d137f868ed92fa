import type { ServiceModule } from '@relais/host';
import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import { createProgressService } from './compose';
import { InMemoryActivityStore } from './infrastructure/memory/in-memory-activity-store';
import { InMemoryCompletionMarkStore } from './infrastructure/memory/in-memory-completion-mark-store';

/** Progress on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryProgressService({ verifier }: { verifier: TokenVerifier }): ServiceModule {
  return createProgressService({
    rosters: new InMemoryRosterStore(),
    activities: new InMemoryActivityStore(),
    marks: new InMemoryCompletionMarkStore(),
    verifier,
  });
}
