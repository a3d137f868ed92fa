import { metrics } from '@opentelemetry/api';
import type { BatchObservableResult } from '@opentelemetry/api';
import type { OutboxStore, PendingEvent } from '@relais/bus';
import { runUntraced } from '@relais/telemetry';

export interface ObservedOutbox {
  /** The service module the outbox belongs to: the one label of the backlog metrics. */
  service: string;
  store: OutboxStore;
}

export interface OutboxMetrics {
  /** For OutboxRelay's `onPublished`. */
  onPublished(events: readonly PendingEvent[]): void;
  /** Unregisters the backlog gauges. */
  stop(): void;
}

/**
 * The outbox's health on /metrics (Prometheus names in brackets): events waiting per service
 * [relais_outbox_pending_events], how long the oldest has waited [relais_outbox_oldest_event_age_seconds],
 * and events published per topic [relais_outbox_published_events_total]. The backlog is read from the
 * stores at each scrape, untraced (see runUntraced).
 */
export function observeOutboxes(outboxes: readonly ObservedOutbox[], now = () => Date.now()): OutboxMetrics {
  const meter = metrics.getMeter('@relais/host');
  const pending = meter.createObservableGauge('relais.outbox.pending_events', {
    description: 'Events saved in an outbox and not yet published, per service',
    unit: '{event}',
  });
  const oldestAge = meter.createObservableGauge('relais.outbox.oldest_event_age', {
    description: 'How long the oldest unpublished event of an outbox has waited, per service (0 when empty)',
    unit: 's',
  });
  const published = meter.createCounter('relais.outbox.published_events', {
    description: 'Events published by the outbox relay, per topic',
    unit: '{event}',
  });

  // One callback for both gauges: each scrape reads every store's backlog once.
  const observeBacklog = async (observer: BatchObservableResult) => {
    const totals = new Map<string, { pending: number; oldest?: number }>();
    for (const { service, store } of outboxes) {
      const backlog = await runUntraced(() => store.backlog());
      const total = totals.get(service) ?? { pending: 0 };
      total.pending += backlog.pending;
      const oldest =
        backlog.oldestOccurredAt === undefined ? undefined : Date.parse(backlog.oldestOccurredAt);
      if (oldest !== undefined && (total.oldest === undefined || oldest < total.oldest))
        total.oldest = oldest;
      totals.set(service, total);
    }
    for (const [service, total] of totals) {
      observer.observe(pending, total.pending, { service });
      const age = total.oldest === undefined ? 0 : Math.max(0, (now() - total.oldest) / 1000);
      observer.observe(oldestAge, age, { service });
    }
  };
  meter.addBatchObservableCallback(observeBacklog, [pending, oldestAge]);

  return {
    onPublished(events) {
      for (const event of events) published.add(1, { 'messaging.destination.name': event.topic });
    },
    stop() {
      meter.removeBatchObservableCallback(observeBacklog, [pending, oldestAge]);
    },
  };
}

/**
 * The relay polls its stores every few hundred milliseconds; traced, each poll would be a trace of
 * its own. Its publications are traced by the bus, as children of the requests that wrote the events.
 */
export function untracedOutbox(store: OutboxStore): OutboxStore {
  return {
    claim: (owner, leaseMs, limit) => runUntraced(() => store.claim(owner, leaseMs, limit)),
    acknowledge: (documentId, owner, ids) => runUntraced(() => store.acknowledge(documentId, owner, ids)),
    backlog: () => runUntraced(() => store.backlog()),
  };
}
