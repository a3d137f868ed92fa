import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { RedactingSpanExporter, SCRUBBED_MESSAGE, maskStatement, redactAttributes, stripQuery } from '../src';

const PERSONAL = ['user-42', 'jeanne.martin@example.org', 'Jeanne', '0690002B', 'q=jeanne', '203.0.113.9'];

describe('redactAttributes', () => {
  it('drops identity, Kafka keys, query strings, headers and client addresses', () => {
    expect(
      redactAttributes({
        'enduser.id': 'user-42',
        'user.email': 'jeanne.martin@example.org',
        'messaging.kafka.message.key': 'user-42',
        'messaging.destination.name': 'enrollment.events.v1',
        'url.query': 'q=jeanne',
        'url.path': '/api/enrollment/courses/c-1/enrollments/user-42/completion',
        'http.request.header.authorization': ['Bearer x'],
        'client.address': '203.0.113.9',
        'http.route': '/api/enrollment/courses/:id/enrollments/:teacherId/completion',
        'http.response.status_code': 200,
      }),
    ).toEqual({
      'messaging.destination.name': 'enrollment.events.v1',
      'url.path': '/api/enrollment/courses/:id/enrollments/:teacherId/completion',
      'http.route': '/api/enrollment/courses/:id/enrollments/:teacherId/completion',
      'http.response.status_code': 200,
    });
  });

  it('keeps URLs without their query string and statements without values', () => {
    const redacted = redactAttributes({
      'url.full': 'http://keycloak:8080/realms/relais/users?email=jeanne.martin@example.org#top',
      'db.statement': '{"find":"courses","filter":{"participants.userId":"user-42","hours":3}}',
      'db.query.text': "SELECT * FROM t WHERE email = 'jeanne.martin@example.org' AND n = 42",
    });
    expect(redacted).toEqual({
      'url.full': 'http://keycloak:8080/realms/relais/users',
      'db.statement': '{"find":"?","filter":{"participants.userId":"?","hours":"?"}}',
      'db.query.text': 'SELECT * FROM t WHERE email = ? AND n = ?',
    });
  });

  it('drops raw paths of spans that have no route template', () => {
    expect(redactAttributes({ 'url.path': '/api/x/user-42', 'http.target': '/api/x/user-42' })).toEqual({});
  });

  it('strips queries and fragments only', () => {
    expect(stripQuery('/a/b')).toBe('/a/b');
    expect(stripQuery('/a/b?x=1')).toBe('/a/b');
    expect(maskStatement('[1, {"a": [true, null]}]')).toBe('["?",{"a":["?","?"]}]');
  });
});

describe('RedactingSpanExporter', () => {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: new RedactingSpanExporter(memory) })],
  });
  const tracer = provider.getTracer('test');

  afterAll(() => provider.shutdown());

  it('exports spans without personal attributes, with scrubbed exceptions, keeping the rest', () => {
    const parent = tracer.startSpan('parent');
    const span = tracer.startSpan(
      'send enrollment.events.v1',
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'enduser.id': 'user-42',
          'messaging.kafka.message.key': 'user-42',
          'messaging.destination.name': 'enrollment.events.v1',
          'url.full': 'http://x/y?q=jeanne',
        },
      },
      trace.setSpan(context.active(), parent),
    );
    span.recordException(new TypeError('no course for jeanne.martin@example.org (Jeanne, 0690002B)'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'failed for jeanne.martin@example.org' });
    span.end();
    parent.end();

    const [exported] = memory.getFinishedSpans();
    expect(exported?.name).toBe('send enrollment.events.v1');
    expect(exported?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(exported?.attributes).toEqual({
      'messaging.destination.name': 'enrollment.events.v1',
      'url.full': 'http://x/y',
    });
    expect(exported?.status).toEqual({ code: SpanStatusCode.ERROR, message: SCRUBBED_MESSAGE });
    const exception = exported?.events.find((event) => event.name === 'exception');
    expect(exception?.attributes).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': SCRUBBED_MESSAGE,
    });
    expect(String(exception?.attributes?.['exception.stacktrace'])).toMatch(/^TypeError\n\s*at /);

    const everything = JSON.stringify(
      memory.getFinishedSpans().map((finished) => ({ ...finished, resource: undefined })),
    );
    for (const value of PERSONAL) expect(everything).not.toContain(value);
  });
});
