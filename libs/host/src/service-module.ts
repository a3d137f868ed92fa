import type { OutboxStore, Subscription } from '@relais/bus';
import type { ServiceApi } from '@relais/platform';

/**
 * What a service package's factory returns, whatever hosts it: its routes, its explicit
 * subscriptions and the outboxes its aggregates fill. The host decides one process or many.
 */
export interface ServiceModule {
  name: string;
  api: ServiceApi;
  subscriptions: readonly Subscription[];
  outboxStores: readonly OutboxStore[];
  /** Work on a timer rather than on a request or an event (the mail queue, the daily digest). */
  background?: readonly BackgroundJob[];
  /**
   * How the service forgets a person (GDPR article 17, ADR 0033): the host subscribes it to the
   * erasure event and acknowledges to the keyring once it resolved. Idempotent; it may return counts
   * (never ids) for the log line.
   */
  erasure?: PersonEraser;
}

export interface PersonEraser {
  forgetPerson(personId: string): Promise<object>;
}

export interface BackgroundJob {
  name: string;
  start(): void;
  /** Resolves once a run in progress has finished; no run starts after. */
  stop(): Promise<void>;
}
