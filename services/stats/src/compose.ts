import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore, Subscription } from '@relais/bus';
import type { ServiceApi } from '@relais/platform';
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

export interface StatsService {
  name: 'stats';
  api: ServiceApi;
  subscriptions: Subscription[];
  outboxStores: OutboxStore[];
}

/** The one place where stats is assembled; the same in one process or many (DESIGN §3). */
export function createStatsService(ports: StatsPorts): StatsService {
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
