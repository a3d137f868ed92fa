import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import { FactIngestion } from './application/fact-ingestion';
import type { TallyStore } from './application/ports';
import { StatsQueries } from './application/stats-queries';
import type { PublicationCalendar } from './domain/publication';
import type { SuppressionRule } from './domain/suppression';
import { statsApi } from './infrastructure/http/stats-api';
import { factSubscriptions } from './infrastructure/kafka/fact-subscriptions';

export interface StatsPorts {
  tallies: TallyStore;
  verifier: TokenVerifier;
  suppression: SuppressionRule;
  /** When periods are published: the settling window and the clock (ADR 0014). */
  publication: PublicationCalendar;
  /** Shown in the catalogue, e.g. that the tables come from demo data. */
  notice?: string;
}

/** The one place where stats is assembled; the same in one process or many (docs/design.md §3). */
export function createStatsService(ports: StatsPorts): ServiceModule {
  const ingestion = new FactIngestion(ports.tallies, () => ports.tallies.activeGeneration());
  return {
    name: 'stats',
    api: statsApi(
      new StatsQueries(ports.tallies, ports.suppression, ports.publication),
      ports.verifier,
      ports.notice,
    ),
    subscriptions: factSubscriptions(ingestion),
    outboxStores: [],
  };
}
