import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import { createStatsService, type StatsPorts } from './compose';
import type { PublicationCalendar } from './domain/publication';
import { InMemoryTallyStore } from './infrastructure/memory/in-memory-tally-store';
import { defaultSettlingDays } from './stats-config';

export interface InMemoryStatsOptions {
  verifier: TokenVerifier;
  minimumCount: number;
  tallies?: InMemoryTallyStore;
  /** The real clock and the default settling window unless told otherwise. */
  publication?: PublicationCalendar;
  /** Shown in the catalogue: standalone mode says its tables come from demo data. */
  notice?: string;
}

/** Every port of stats on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters(options: InMemoryStatsOptions): StatsPorts {
  return {
    tallies: options.tallies ?? new InMemoryTallyStore(),
    verifier: options.verifier,
    suppression: { minimumCount: options.minimumCount },
    publication: options.publication ?? { settlingDays: defaultSettlingDays, now: () => new Date() },
    ...(options.notice === undefined ? {} : { notice: options.notice }),
  };
}

/** Stats on in-memory adapters. */
export function createInMemoryStatsService(options: InMemoryStatsOptions): ServiceModule {
  return createStatsService(inMemoryAdapters(options));
}
