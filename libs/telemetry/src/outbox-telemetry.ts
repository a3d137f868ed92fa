import type { Schema } from 'mongoose';
import { currentTraceHeaders } from './trace-context';

interface PendingEventLike {
  topic: string;
  headers?: Record<string, string>;
  storedAt?: string;
}

/**
 * Marks events about to be saved in an outbox with what telemetry needs of them, leaving events
 * already marked as they are (an item removed with its pending facts keeps their first marks):
 * the active W3C trace context in `headers`, so that the relay publishes them as part of the request's
 * trace, and `storedAt`, so that the backlog's age is measured from the write (facts carry only the
 * day in their envelope). `storedAt` is never published.
 */
export function markPendingEvents<TEvent extends PendingEventLike>(
  events: readonly TEvent[],
  now: Date = new Date(),
): TEvent[] {
  const traceHeaders = currentTraceHeaders();
  const traced = traceHeaders['traceparent'] !== undefined;
  return events.map((event) => {
    const needsTrace = traced && event.headers?.['traceparent'] === undefined;
    if (!needsTrace && event.storedAt !== undefined) return event;
    return {
      ...event,
      ...(needsTrace ? { headers: { ...event.headers, ...traceHeaders } } : {}),
      ...(event.storedAt === undefined ? { storedAt: now.toISOString() } : {}),
    };
  });
}

/**
 * A mongoose plugin for the schemas of aggregates that keep an outbox (docs/design.md §4): the pending events
 * of a document being saved are marked by markPendingEvents. Registered once on a service's
 * connection (`connection.plugin(outboxTelemetryPlugin)`), it reaches every repository without any
 * of them knowing about telemetry.
 */
export function outboxTelemetryPlugin(schema: Schema): void {
  if (!schema.path('outbox')) return;
  schema.pre('save', function markOutbox() {
    const outbox = this.get('outbox') as PendingEventLike[] | undefined;
    if (!outbox || outbox.length === 0) return;
    const marked = markPendingEvents(outbox.map((event) => ({ ...event })));
    this.set('outbox', marked);
  });
}
