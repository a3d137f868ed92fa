import type { TokenVerifier } from '@relais/auth';
import { createStatsService, type StatsService } from './compose';
import { InMemoryParticipationFactStore } from './infrastructure/memory/in-memory-participation-fact-store';

/** Stats on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryStatsService(options: {
  verifier: TokenVerifier;
  minimumCount: number;
}): StatsService {
  return createStatsService({
    participation: new InMemoryParticipationFactStore(),
    verifier: options.verifier,
    suppression: { minimumCount: options.minimumCount },
  });
}
