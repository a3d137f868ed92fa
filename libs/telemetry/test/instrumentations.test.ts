import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { instrumentationConfigs, isUntracedRequest, privacyPreservingInstrumentations } from '../src';

function incoming(url: string): IncomingMessage {
  return { url } as IncomingMessage;
}

/** A stand-in for an SDK span: readable attributes, and setAttribute that overwrites. */
function recordingSpan(attributes: Record<string, unknown>): Span & { attributes: Record<string, unknown> } {
  const span = {
    attributes,
    setAttribute(key: string, value: unknown) {
      attributes[key] = value;
      return span;
    },
  };
  return span as unknown as Span & { attributes: Record<string, unknown> };
}

describe('instrumentation privacy settings', () => {
  const configs = instrumentationConfigs();

  it('does not trace probes and scrapes, with or without a query string', () => {
    for (const url of ['/healthz', '/readyz', '/metrics?x=1'])
      expect(isUntracedRequest(incoming(url))).toBe(true);
    expect(isUntracedRequest(incoming('/api/enrollment/courses'))).toBe(false);
    expect(configs.http.ignoreIncomingRequestHook).toBe(isUntracedRequest);
  });

  it('captures no HTTP headers', () => {
    expect(configs.http.headersToSpanAttributes).toEqual({ client: {}, server: {} });
  });

  it('overwrites query strings already recorded on HTTP spans', () => {
    const span = recordingSpan({
      'url.full': 'http://keycloak/realms/relais/users?email=jeanne.martin@example.org',
      'url.query': 'email=jeanne.martin@example.org',
      'url.path': '/realms/relais/users',
    });
    configs.http.requestHook(span, incoming('/realms/relais/users?email=jeanne.martin@example.org'));
    expect(span.attributes).toEqual({
      'url.full': 'http://keycloak/realms/relais/users',
      'url.query': '',
      'url.path': '/realms/relais/users',
    });
  });

  it('serialises MongoDB and mongoose statements without values', () => {
    const mongo = configs.mongodb.dbStatementSerializer({
      find: 'enrollments',
      filter: { userId: 'user-42', status: { $in: ['enrolled', 'completed'] } },
    });
    expect(mongo).toBe('{"find":"?","filter":{"userId":"?","status":{"$in":["?","?"]}}}');
    const mongoose = configs.mongoose.dbStatementSerializer('updateOne', {
      condition: { _id: 'course-1' },
      updates: { $set: { 'participants.0.name': 'Jeanne Martin' } },
    });
    expect(mongoose).toBe(
      '{"operation":"updateOne","condition":{"_id":"?"},"updates":{"$set":{"participants.0.name":"?"}}}',
    );
    expect(configs.mongodb.enhancedDatabaseReporting).toBe(false);
  });

  it('correlates log lines with traces without sending them anywhere', () => {
    expect(configs.pino.disableLogSending).toBe(true);
    expect(configs.pino.logKeys).toEqual({
      traceId: 'trace_id',
      spanId: 'span_id',
      traceFlags: 'trace_flags',
    });
  });

  it('leaves Kafka to the bus, whose spans carry no message key', () => {
    const instrumentations = privacyPreservingInstrumentations();
    for (const instrumentation of instrumentations) instrumentation.disable();
    const names = instrumentations.map((instrumentation) => instrumentation.instrumentationName);
    expect(names).not.toContain('@opentelemetry/instrumentation-kafkajs');
    expect(names).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-express',
        '@opentelemetry/instrumentation-mongoose',
        '@opentelemetry/instrumentation-mongodb',
        '@opentelemetry/instrumentation-pino',
      ]),
    );
  });
});
