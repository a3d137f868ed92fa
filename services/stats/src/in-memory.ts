import type { TokenVerifier } from '@relais/auth';
import { createStatsService, type StatsService } from './compose';
import { InMemoryTallyStore } from './infrastructure/memory/in-memory-tally-store';

/** Stats on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryStatsService(options: {
  verifier: TokenVerifier;
  minimumCount: number;
  tallies?: InMemoryTallyStore;
}): StatsService {
  return createStatsService({
    tallies: options.tallies ?? new InMemoryTallyStore(),
    verifier: options.verifier,
    suppression: { minimumCount: options.minimumCount },
  });
}
