import { context, trace } from '@opentelemetry/api';
import { markPendingEvents } from '../src';
import { startInMemoryTracing, type InMemoryTracing } from '../src/testing';

interface StoredEvent {
  topic: string;
  key: string;
  envelope: { id: string; occurredAt: string };
  headers?: Record<string, string>;
  storedAt?: string;
}

const event = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  topic: 'feedback.facts.v1',
  key: 'lyon',
  envelope: { id: 'e-1', occurredAt: '2025-03-01T00:00:00.000Z' },
  ...overrides,
});

describe('markPendingEvents', () => {
  let tracing: InMemoryTracing;
  beforeEach(() => {
    tracing = startInMemoryTracing();
  });
  afterEach(() => tracing.shutdown());

  const now = new Date('2025-03-01T10:11:12.000Z');

  it('stores the active trace context and the write time with each new event', () => {
    const request = trace.getTracer('test').startSpan('request');
    const [marked] = context.with(trace.setSpan(context.active(), request), () =>
      markPendingEvents([event()], now),
    );
    request.end();
    const { traceId, spanId } = request.spanContext();
    expect(marked?.headers).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
    expect(marked?.storedAt).toBe(now.toISOString());
  });

  it('outside a traced context, records the write time only', () => {
    expect(markPendingEvents([event()], now)).toEqual([{ ...event(), storedAt: now.toISOString() }]);
  });

  it('leaves events already marked as they are', () => {
    const earlier = event({ headers: { traceparent: '00-aa-bb-01' }, storedAt: '2025-02-01T00:00:00.000Z' });
    const request = trace.getTracer('test').startSpan('request');
    const [kept] = context.with(trace.setSpan(context.active(), request), () =>
      markPendingEvents([earlier], now),
    );
    request.end();
    expect(kept).toBe(earlier);
  });
});
