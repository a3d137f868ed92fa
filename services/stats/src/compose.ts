import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore, Subscription } from '@relais/bus';
import type { ServiceApi } from '@relais/platform';
import { StatsUseCases } from './application/stats-use-cases';
import type { ParticipationFactStore } from './application/ports';
import type { SuppressionRule } from './domain/suppression';
import { statsApi } from './infrastructure/http/stats-api';
import { factSubscriptions } from './infrastructure/kafka/fact-subscriptions';

export interface StatsPorts {
  participation: ParticipationFactStore;
  verifier: TokenVerifier;
  suppression: SuppressionRule;
}

export interface StatsService {
  name: 'stats';
  api: ServiceApi;
  subscriptions: Subscription[];
  outboxStores: OutboxStore[];
}

export function createStatsService(ports: StatsPorts): StatsService {
  const useCases = new StatsUseCases(ports.participation, ports.suppression);
  return {
    name: 'stats',
    api: statsApi(useCases, ports.verifier),
    subscriptions: factSubscriptions(useCases),
    outboxStores: [],
  };
}
