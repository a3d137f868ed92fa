import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore, Subscription } from '@relais/bus';
import type { ServiceApi } from '@relais/platform';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import { ProgressUseCases } from './application/progress-use-cases';
import type { ActivityStore } from './application/ports';
import { progressApi } from './infrastructure/http/progress-api';

export interface ProgressPorts {
  rosters: RosterStore;
  activities: ActivityStore;
  verifier: TokenVerifier;
}

export interface ProgressService {
  name: 'progress';
  api: ServiceApi;
  subscriptions: Subscription[];
  outboxStores: OutboxStore[];
}

export function createProgressService(ports: ProgressPorts): ProgressService {
  const useCases = new ProgressUseCases(ports.rosters, ports.activities);
  return {
    name: 'progress',
    api: progressApi(useCases, ports.verifier),
    subscriptions: [rosterSubscription('progress.roster', ports.rosters)],
    outboxStores: [],
  };
}
