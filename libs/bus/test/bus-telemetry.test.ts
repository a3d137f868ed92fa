import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { anEnvelope, deferred } from '@relais/bus/testing';
import { createPrometheusMetrics, currentTraceHeaders, type PrometheusMetrics } from '@relais/telemetry';
import { startInMemoryTracing, type InMemoryTracing } from '@relais/telemetry/testing';
import { silentLogger } from '../src/bus-logger';
import { InMemoryEventBus } from '../src/memory/in-memory-event-bus';
import { InMemoryOutboxStore } from '../src/outbox/in-memory-outbox-store';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import type { OutboxFields, PendingEvent } from '../src/outbox/outbox-store';

const TOPIC = 'enrollment.events.v1';
const TYPE = 'enrollment.enrollment.created.v1';
const KEY = 'user-4242';

describe('bus telemetry', () => {
  let tracing: InMemoryTracing;
  let prometheus: PrometheusMetrics;
  let bus: InMemoryEventBus;

  beforeEach(() => {
    tracing = startInMemoryTracing();
    prometheus = createPrometheusMetrics();
    bus = new InMemoryEventBus({ maxAttempts: 1 });
  });

  afterEach(async () => {
    await bus.close();
    await prometheus.shutdown();
    await tracing.shutdown();
  });

  it('continues the trace of the write through the outbox, the publication and the handler', async () => {
    const documents = new Map<string, OutboxFields>();
    const request = trace.getTracer('test').startSpan('POST /api/enrollment/courses/:id/enrollments');
    const event: PendingEvent = {
      topic: TOPIC,
      key: KEY,
      envelope: anEnvelope(TYPE, { userId: KEY }),
      // What the outbox plugin stores when a request saves an aggregate.
      headers: currentTraceHeaders(trace.setSpan(context.active(), request)),
    };
    request.end();
    documents.set('course-1', { outbox: [event] });
    let handlerSpanId: string | undefined;
    await bus.subscribe({
      groupId: 'progress',
      topic: TOPIC,
      handlers: {
        [TYPE]: async () => {
          await trace.getTracer('test').startActiveSpan('store the roster', async (span) => {
            handlerSpanId = span.spanContext().spanId;
            span.end();
          });
        },
      },
    });

    await new OutboxRelay({ stores: [new InMemoryOutboxStore(documents)], bus }).drainOnce();
    await bus.idle();

    const spans = tracing.spans();
    const send = spans.find((span) => span.kind === SpanKind.PRODUCER);
    const process = spans.find((span) => span.kind === SpanKind.CONSUMER);
    const work = spans.find((span) => span.name === 'store the roster');
    expect(send?.name).toBe(`send ${TOPIC}`);
    expect(process?.name).toBe(`process ${TOPIC}`);
    const traceId = request.spanContext().traceId;
    for (const span of [send, process, work]) expect(span?.spanContext().traceId).toBe(traceId);
    expect(send?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(process?.parentSpanContext?.spanId).toBe(send?.spanContext().spanId);
    expect(work?.spanContext().spanId).toBe(handlerSpanId);
    expect(work?.parentSpanContext?.spanId).toBe(process?.spanContext().spanId);
    expect(process?.attributes).toMatchObject({
      'messaging.destination.name': TOPIC,
      'messaging.consumer.group.name': 'progress',
      'relais.event.type': TYPE,
      'relais.delivery.outcome': 'handled',
    });
    // The key is a user id: no span carries it, whatever the attribute.
    expect(JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]))).not.toContain(KEY);
  });

  it('processes a batch in ONE consumer span: parent the first message, links to the others', async () => {
    const producers = [1, 2, 3].map((n) => trace.getTracer('test').startSpan(`producer ${n}`));
    for (const producer of producers) producer.end();
    await bus.publish(
      TOPIC,
      producers.map((producer) => ({
        key: KEY,
        envelope: anEnvelope(TYPE, { userId: KEY }),
        headers: currentTraceHeaders(trace.setSpan(context.active(), producer)),
      })),
    );
    let storeSpanId: string | undefined;
    await bus.subscribe({
      groupId: 'stats',
      topic: TOPIC,
      fromBeginning: true,
      handlers: { [TYPE]: async () => undefined },
      batchHandler: async () => {
        await trace.getTracer('test').startActiveSpan('store the facts', async (span) => {
          storeSpanId = span.spanContext().spanId;
          span.end();
        });
      },
    });

    await bus.idle();

    const consumers = tracing.spans().filter((span) => span.kind === SpanKind.CONSUMER);
    expect(consumers).toHaveLength(1);
    const [batch] = consumers;
    const [first, ...others] = producers.map((producer) => producer.spanContext());
    expect(batch?.name).toBe(`process ${TOPIC}`);
    expect(batch?.spanContext().traceId).toBe(first?.traceId);
    expect(batch?.parentSpanContext?.spanId).toBe(first?.spanId);
    expect(batch?.links.map((link) => [link.context.traceId, link.context.spanId])).toEqual(
      others.map((other) => [other.traceId, other.spanId]),
    );
    expect(batch?.attributes).toEqual({
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': TOPIC,
      'messaging.consumer.group.name': 'stats',
      'messaging.destination.partition.id': String(bus.records(TOPIC)[0]?.partition),
      'messaging.batch.message_count': 3,
      'relais.batch.first_offset': 0,
      'relais.batch.last_offset': 2,
      'relais.delivery.outcome': 'handled',
    });
    const store = tracing.spans().find((span) => span.name === 'store the facts');
    expect(store?.spanContext().spanId).toBe(storeSpanId);
    expect(store?.parentSpanContext?.spanId).toBe(batch?.spanContext().spanId);
  });

  it('gives a batch of one the parent of a single delivery, without links', async () => {
    const producer = trace.getTracer('test').startSpan('producer');
    producer.end();
    await bus.subscribe({
      groupId: 'stats',
      topic: TOPIC,
      handlers: { [TYPE]: async () => undefined },
      batchHandler: async () => undefined,
    });
    await bus.publish(TOPIC, [
      {
        key: KEY,
        envelope: anEnvelope(TYPE, {}),
        headers: currentTraceHeaders(trace.setSpan(context.active(), producer)),
      },
    ]);

    await bus.idle();

    const consumer = tracing.spans().find((span) => span.kind === SpanKind.CONSUMER);
    expect(consumer?.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer?.links).toEqual([]);
    expect(consumer?.attributes['messaging.batch.message_count']).toBe(1);
  });

  it('counts transient retries per topic and group, and logs the error name only', async () => {
    class StoreUnreachable extends Error {
      override readonly name = 'StoreUnreachable';
    }
    const warnings: Array<[object, string]> = [];
    const logger = {
      ...silentLogger,
      warn: (fields: object, message: string) => warnings.push([fields, message]),
    };
    const transient = new InMemoryEventBus({
      logger,
      isTransient: (error) => error instanceof StoreUnreachable,
      transientBackoffMs: { initial: 1, max: 1 },
    });
    let attempts = 0;
    await transient.subscribe({
      groupId: 'stats',
      topic: TOPIC,
      handlers: {
        [TYPE]: async () => {
          attempts += 1;
          if (attempts <= 2) throw new StoreUnreachable(`cannot store the fact of ${KEY}`);
        },
      },
    });
    await transient.publish(TOPIC, [{ key: KEY, envelope: anEnvelope(TYPE, {}) }]);
    await transient.idle();
    await transient.close();

    const retries = (await prometheus.collect())
      .split('\n')
      .find((line) => line.startsWith('relais_bus_handler_transient_retries_total{'));
    expect(retries).toContain('messaging_consumer_group_name="stats"');
    expect(retries).toContain(`messaging_destination_name="${TOPIC}"`);
    expect(retries).toMatch(/\} 2$/);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.[0]).toMatchObject({ error: 'StoreUnreachable', attempt: 1 });
    expect(JSON.stringify(warnings)).not.toContain(KEY);
    const process = tracing.spans().find((span) => span.kind === SpanKind.CONSUMER);
    expect(process?.events.map((event) => event.attributes)).toEqual([
      { 'relais.delivery.attempt': 1, 'error.type': 'StoreUnreachable', 'relais.delivery.transient': true },
      { 'relais.delivery.attempt': 2, 'error.type': 'StoreUnreachable', 'relais.delivery.transient': true },
    ]);
  });

  it('counts dead letters per topic, group and reason, and marks the processing span as failed', async () => {
    await bus.subscribe({
      groupId: 'stats',
      topic: TOPIC,
      handlers: {
        [TYPE]: async () => {
          throw new Error(`no roster for ${KEY}`);
        },
      },
    });
    await bus.publish(TOPIC, [{ key: KEY, envelope: anEnvelope(TYPE, {}) }]);
    await bus.publishRaw(TOPIC, { key: KEY, value: 'not json' });
    await bus.idle();

    const text = await prometheus.collect();
    expect(text).toMatch(
      /relais_bus_dead_letters_total\{[^}]*messaging_consumer_group_name="stats"[^}]*relais_dead_letter_reason="handler-failed"[^}]*\} 1/,
    );
    expect(text).toMatch(/relais_bus_dead_letters_total\{[^}]*relais_dead_letter_reason="poison"[^}]*\} 1/);
    expect(text).not.toContain(KEY);
    const failed = tracing.spans().filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(failed).toHaveLength(2);
    const retried = failed.flatMap((span) => span.events).find((event) => event.name === 'handler failed');
    expect(retried?.attributes).toEqual({ 'relais.delivery.attempt': 1, 'error.type': 'Error' });
  });

  it('reports consumer lag per group and partition while a handler holds its partition back', async () => {
    const release = deferred<void>();
    await bus.subscribe({
      groupId: 'stats',
      topic: TOPIC,
      handlers: { [TYPE]: () => release.promise },
    });
    await bus.publish(
      TOPIC,
      [1, 2, 3].map(() => ({ key: KEY, envelope: anEnvelope(TYPE, {}) })),
    );

    const lagged = await prometheus.collect();
    const partition = bus.records(TOPIC)[0]?.partition;
    expect(lagged).toMatch(
      new RegExp(
        `relais_bus_consumer_lag\\{[^}]*messaging_consumer_group_name="stats"[^}]*messaging_destination_partition_id="${partition}"[^}]*\\} 3`,
      ),
    );
    release.resolve();
    await bus.idle();
    expect(await prometheus.collect()).toMatch(
      new RegExp(
        `relais_bus_consumer_lag\\{[^}]*messaging_destination_partition_id="${partition}"[^}]*\\} 0`,
      ),
    );
  });
});
