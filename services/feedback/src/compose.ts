import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore, Subscription } from '@relais/bus';
import type { ServiceApi } from '@relais/platform';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import { MessagingUseCases } from './application/messaging-use-cases';
import type { MessageStore } from './application/ports';
import { feedbackApi } from './infrastructure/http/feedback-api';

export interface FeedbackPorts {
  rosters: RosterStore;
  messages: MessageStore;
  verifier: TokenVerifier;
  now?: () => Date;
}

export interface FeedbackService {
  name: 'feedback';
  api: ServiceApi;
  subscriptions: Subscription[];
  outboxStores: OutboxStore[];
}

export function createFeedbackService(ports: FeedbackPorts): FeedbackService {
  const messaging = new MessagingUseCases(
    ports.rosters,
    ports.messages,
    ports.now ?? (() => new Date()),
    randomUUID,
  );
  return {
    name: 'feedback',
    api: feedbackApi(messaging, ports.verifier),
    subscriptions: [rosterSubscription('feedback.roster', ports.rosters)],
    outboxStores: [],
  };
}
