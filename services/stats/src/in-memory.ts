import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import { createStatsService } from './compose';
import type { PublicationCalendar } from './domain/publication';
import { InMemoryTallyStore } from './infrastructure/memory/in-memory-tally-store';
import { defaultSettlingDays } from './stats-config';

/** Stats on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryStatsService(options: {
  verifier: TokenVerifier;
  minimumCount: number;
  tallies?: InMemoryTallyStore;
  /** The real clock and the default settling window unless told otherwise. */
  publication?: PublicationCalendar;
  /** Shown in the catalogue: standalone mode says its tables come from demo data. */
  notice?: string;
}): ServiceModule {
  return createStatsService({
    tallies: options.tallies ?? new InMemoryTallyStore(),
    verifier: options.verifier,
    suppression: { minimumCount: options.minimumCount },
    publication: options.publication ?? { settlingDays: defaultSettlingDays, now: () => new Date() },
    ...(options.notice === undefined ? {} : { notice: options.notice }),
  });
}
