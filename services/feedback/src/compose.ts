import { defaultRetentionIntervalMs } from '@relais/host';
import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { OutboxStore } from '@relais/bus';
import type { ServiceModule } from '@relais/host';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import { ErasureUseCases } from './application/erasure';
import { FeedbackFacts } from './application/feedback-facts';
import { FeedbackUseCases } from './application/feedback-use-cases';
import { KeyedTokens } from './application/keyed-tokens';
import { MessagingUseCases } from './application/messaging-use-cases';
import { PersonalDataUseCases } from './application/personal-data-use-cases';
import {
  silentLog,
  type AuthorshipIndex,
  type Clock,
  type DailyQuota,
  type FeedbackItemStore,
  type MessageStore,
  type RespondentCounter,
  type RetentionLog,
} from './application/ports';
import { defaultLimits, Quotas, type FeedbackLimits } from './application/quotas';
import { RetentionUseCases } from './application/retention';
import { retentionJob } from './application/retention-job';
import { minimumAnonymityThreshold } from './domain/feedback-item';
import { feedbackApi } from './infrastructure/http/feedback-api';

export interface FeedbackPorts {
  rosters: RosterStore;
  items: FeedbackItemStore;
  authorship: AuthorshipIndex;
  /** The items' pending facts, for the outbox relay. */
  outbox: OutboxStore;
  respondents: RespondentCounter;
  quota: DailyQuota;
  messages: MessageStore;
  /** The messages' pending events, for the outbox relay. */
  messageOutbox: OutboxStore;
  verifier: TokenVerifier;
  /**
   * Secret of the keyed tokens (author of an item, respondents counted, quotas); lives outside the
   * database, so that nobody who reads it can link an anonymous item to its author. ≥ 32 characters.
   */
  authorKey: string;
  /**
   * Fewest participants (trainers not counted) of a course that accepts anonymous items; at least
   * `minimumAnonymityThreshold` (5), which is also the default.
   */
  anonymityThreshold?: number;
  limits?: Partial<FeedbackLimits>;
  /**
   * The notifications service's public key (PEM): each item's author is sealed with it in
   * `feedback.item.posted.v1`, so a trainer's reply can reach him. Without it, authors get no notices.
   */
  recipientSealKey?: string;
  /** Which day it is: of a post, a reply, a quota, and for the retention schedule. The real clock unless told. */
  clock?: Clock;
  newId?: () => string;
  /** How often the retention job runs; hourly unless told. */
  retentionIntervalMs?: number;
  /** Where the retention job reports its passes (counts only); nowhere unless told. */
  log?: RetentionLog;
}

export interface FeedbackModule extends ServiceModule {
  /** One retention pass now, on the injected clock's day (tests, the demo). */
  runRetentionOnce(): Promise<void>;
  /**
   * Forgets a person on request (ADR 0033): not wired to any event or route yet, the erasure event's
   * subscription will call it.
   */
  erasure: ErasureUseCases;
}

/** The one place where feedback is assembled; the same in one process or many (docs/design.md §3). */
export function createFeedbackService(ports: FeedbackPorts): FeedbackModule {
  const clock = ports.clock ?? { now: () => new Date() };
  const newId = ports.newId ?? randomUUID;
  const anonymityThreshold = anonymityThresholdOf(ports.anonymityThreshold);
  const tokens = new KeyedTokens(ports.authorKey);
  const quotas = new Quotas(ports.quota, tokens, { ...defaultLimits, ...ports.limits }, clock);
  const feedback = new FeedbackUseCases(
    ports.rosters,
    ports.items,
    ports.authorship,
    anonymityThreshold,
    new FeedbackFacts(ports.respondents, tokens),
    tokens,
    quotas,
    clock,
    newId,
    ports.recipientSealKey,
  );
  const messaging = new MessagingUseCases(ports.rosters, ports.messages, quotas, clock, newId);
  const personalData = new PersonalDataUseCases(
    feedback,
    ports.rosters,
    ports.items,
    ports.authorship,
    ports.messages,
    ports.quota,
    tokens,
  );
  const retention = retentionJob(
    new RetentionUseCases(ports.rosters, ports.items, ports.authorship, ports.messages, ports.quota, tokens),
    {
      clock: () => clock.now(),
      intervalMs: ports.retentionIntervalMs ?? defaultRetentionIntervalMs,
      log: ports.log ?? silentLog,
    },
  );
  const erasure = new ErasureUseCases(
    ports.rosters,
    ports.items,
    ports.authorship,
    ports.messages,
    ports.quota,
    tokens,
  );
  return {
    name: 'feedback',
    api: feedbackApi(feedback, messaging, personalData, ports.verifier, anonymityThreshold),
    // No hook on a participant's departure: his items stay (docs/design.md §7, ADR 0016); only he withdraws one.
    subscriptions: [rosterSubscription('feedback.roster', ports.rosters)],
    outboxStores: [ports.outbox, ports.messageOutbox],
    background: [retention],
    runRetentionOnce: () => retention.runOnce(),
    erasure,
  };
}

function anonymityThresholdOf(configured: number | undefined): number {
  const threshold = configured ?? minimumAnonymityThreshold;
  if (!Number.isInteger(threshold) || threshold < minimumAnonymityThreshold) {
    throw new RangeError(
      `The anonymity threshold must be a whole number of at least ${minimumAnonymityThreshold} ` +
        'participants: it can be raised, never lowered (ADR 0016).',
    );
  }
  return threshold;
}
