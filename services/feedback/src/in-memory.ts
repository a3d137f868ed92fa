import { randomBytes } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import type { Clock, RetentionLog } from './application/ports';
import type { FeedbackLimits } from './application/quotas';
import { createFeedbackService, type FeedbackModule, type FeedbackPorts } from './compose';
import { InMemoryAuthorshipIndex } from './infrastructure/memory/in-memory-authorship-index';
import { InMemoryDailyQuota } from './infrastructure/memory/in-memory-daily-quota';
import { inMemoryFeedbackItemStores } from './infrastructure/memory/in-memory-feedback-item-store';
import { inMemoryMessageStores } from './infrastructure/memory/in-memory-message-store';
import { InMemoryRespondentCounter } from './infrastructure/memory/in-memory-respondent-counter';

export interface InMemoryFeedbackOptions {
  verifier: TokenVerifier;
  /**
   * Defaults to a fresh random key: nothing outlives the process in memory, so neither needs the key
   * to (a restart forgets the items along with it).
   */
  authorKey?: string;
  /** Defaults to 5; a lower value is refused (see FeedbackPorts). */
  anonymityThreshold?: number;
  limits?: Partial<FeedbackLimits>;
  /** The notifications service's public key (PEM), see FeedbackPorts. */
  recipientSealKey?: string;
  clock?: Clock;
  /** How often the retention job runs (hourly unless told) and where it reports, see FeedbackPorts. */
  retentionIntervalMs?: number;
  log?: RetentionLog;
}

/** Every port of feedback on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters(options: InMemoryFeedbackOptions): FeedbackPorts {
  const { items, outbox } = inMemoryFeedbackItemStores();
  return {
    rosters: new InMemoryRosterStore(),
    items,
    authorship: new InMemoryAuthorshipIndex(),
    outbox,
    respondents: new InMemoryRespondentCounter(),
    quota: new InMemoryDailyQuota(),
    ...inMemoryMessageStores(),
    verifier: options.verifier,
    authorKey: options.authorKey ?? randomBytes(32).toString('base64url'),
    ...(options.anonymityThreshold === undefined ? {} : { anonymityThreshold: options.anonymityThreshold }),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.recipientSealKey ? { recipientSealKey: options.recipientSealKey } : {}),
    ...(options.retentionIntervalMs === undefined
      ? {}
      : { retentionIntervalMs: options.retentionIntervalMs }),
    ...(options.log ? { log: options.log } : {}),
  };
}

/** Feedback on in-memory adapters. */
export function createInMemoryFeedbackService(options: InMemoryFeedbackOptions): FeedbackModule {
  return createFeedbackService(inMemoryAdapters(options));
}
