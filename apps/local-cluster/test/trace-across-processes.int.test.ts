import { randomBytes, randomUUID } from 'node:crypto';
import { eventually, relaisClient, userIdOf, type RelaisClient } from '@relais/testing';
import {
  attributeOf,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '@relais/telemetry/testing';
import { startLocalCluster, type LocalCluster } from '../src/index';
import { localServiceEnv } from '../src/local-service-env';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * docs/design.md §7 and the observability issue's "done when": a write and the stats update it causes are one
 * trace, across the test (the client), the writing service's process (HTTP, outbox, relay) and the
 * stats process (consumer, store), exported over OTLP by the services' real start-up
 * (`--import @relais/telemetry/register`).
 *
 * The writes are a trainer's completion PUT (→ enrollment.facts.v1 → stats) and a teacher's anonymous
 * feedback POST (→ feedback.facts.v1 → stats).
 */
describe('one trace across processes', () => {
  let receiver: OtlpReceiver;
  let cluster: LocalCluster;
  let relais: RelaisClient;
  const lines: string[] = [];

  beforeAll(async () => {
    for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL']) {
      if (!process.env[name]) throw new Error(`${name} is not set: run through npm run test:int`);
    }
    receiver = await startOtlpReceiver();
    cluster = await startLocalCluster({
      env: localServiceEnv({
        ...process.env,
        LOG_LEVEL: 'warn',
        RELAIS_COUNTING_KEY: randomUUID() + randomUUID(),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        // Export spans within a fraction of a second rather than the default 5 s.
        OTEL_BSP_SCHEDULE_DELAY: '200',
      }),
      gatewayPort: 0,
      basePort: 18_181,
      databasePrefix: `trace-${randomUUID().slice(0, 8)}`,
      onLine: (service, line) => lines.push(`${service}: ${line}`),
    });
    relais = relaisClient({ apiUrl: cluster.gatewayUrl, identityUrl: String(process.env['KEYCLOAK_URL']) });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  }, 60_000);

  /** A call as a traced client would make it: the test is the trace's first process. */
  async function tracedCall(username: string, method: string, path: string, body: unknown) {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await relais.token(username)}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${clientSpanId}-01`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, traceId, clientSpanId };
  }

  it('follows a completion PUT through the outbox and Kafka to the stats store', async () => {
    const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
      title: `Traced course ${randomUUID().slice(0, 8)}`,
      academy: 'lyon',
      themes: ['tracing'],
      predictedHours: 3,
      trainerIds: [userIdOf('trainer.alice')],
    });
    expect(created.status).toBe(201);
    const courseId: string = created.body.id;
    expect(
      (await relais.call('teacher.07', 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
    ).toBe(201);

    const put = await tracedCall(
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${courseId}/enrollments/${userIdOf('teacher.07')}/completion`,
      { completed: true },
    );
    expect(put.status).toBe(200);

    await followToTheStatsStore({
      call: put,
      service: 'relais-enrollment',
      route: '/api/enrollment/courses/:id/enrollments/:teacherId/completion',
      topic: 'enrollment.facts.v1',
      group: 'stats.enrollment-facts',
    });

    // Nothing in the trace names the teacher: not the id in the URL, not the key of the messages.
    const exported = receiver.bodies().join('\n');
    expect(exported).not.toContain(userIdOf('teacher.07'));
  }, 120_000);

  interface TracedPath {
    call: { traceId: string; clientSpanId: string };
    service: string;
    route: string;
    topic: string;
    group: string;
  }

  /**
   * One trace from the client's call to the fact's publication, then to a database call of the stats
   * consumer. Stats counts facts in runs (ADR 0012): a run's CONSUMER span is the child of its first
   * fact's producer span and links to the others', so the stats side is either in this trace or one
   * link away from it, the way trace viewers show batch consumers.
   */
  async function followToTheStatsStore({ call, service, route, topic, group }: TracedPath): Promise<void> {
    let chain: StatsChain | undefined;
    try {
      chain = await eventually(
        async () => statsChainOf(receiver.spans(), { call, service, route, topic }),
        60_000,
      );
    } catch (error) {
      console.error(lines.slice(-40).join('\n'));
      const inTrace = receiver.spans().filter((span) => span.traceId === call.traceId);
      console.error(
        JSON.stringify(inTrace.map(({ service: s, name, kind }) => ({ service: s, name, kind }))),
      );
      throw error;
    }
    const { server, send, consume, storeCall } = chain;
    expect(server.parentSpanId).toBe(call.clientSpanId);
    expect(ancestorsOf(receiver.spans(), send).map((span) => span.spanId)).toContain(server.spanId);
    expect(consume.name).toBe(`process ${topic}`);
    expect(startsFrom(consume, send)).toBe(true);
    expect(attributeOf(consume, 'messaging.consumer.group.name')).toBe(group);
    expect(storeCall.service).toBe('relais-stats');
  }

  it('follows an anonymous feedback POST through the outbox and Kafka to the CHSCT tables', async () => {
    const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
      title: `Traced feedback ${randomUUID().slice(0, 8)}`,
      academy: 'lyon',
      themes: ['tracing'],
      predictedHours: 3,
      trainerIds: [userIdOf('trainer.alice')],
    });
    const courseId: string = created.body.id;
    // Five participants: the fewest with which feedback accepts anonymous items (docs/design.md §7).
    for (const teacher of ['teacher.08', 'teacher.09', 'teacher.10', 'teacher.11', 'teacher.12']) {
      expect(
        (await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
      ).toBe(201);
    }
    // Feedback learns the roster from enrollment events: wait until it counts all five.
    await eventually(async () => {
      const probe = await relais.call(
        'teacher.08',
        'GET',
        `/api/feedback/courses/${courseId}/feedback-options`,
      );
      return probe.status === 200 && probe.body.anonymousAvailable === true ? probe : undefined;
    }, 30_000);
    const text = `Traced difficulty ${randomUUID()}`;
    const post = await tracedCall('teacher.08', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'workload-time',
      intensity: 3,
      message: text,
      visibility: 'anonymous',
    });
    expect(post.status).toBe(201);
    await followToTheStatsStore({
      call: post,
      service: 'relais-feedback',
      route: '/api/feedback/courses/:id/feedback',
      topic: 'feedback.facts.v1',
      group: 'stats.feedback-facts',
    });
    const exported = receiver.bodies().join('\n');
    expect(exported).not.toContain(userIdOf('teacher.08'));
    expect(exported).not.toContain(text);
  }, 120_000);
});

interface StatsChain {
  server: ReceivedSpan;
  send: ReceivedSpan;
  consume: ReceivedSpan;
  storeCall: ReceivedSpan;
}

/** The consumer span was started by this message: its child, or a run's span linking to it. */
function startsFrom(consume: ReceivedSpan, send: ReceivedSpan): boolean {
  return (
    (consume.traceId === send.traceId && consume.parentSpanId === send.spanId) ||
    (consume.links ?? []).some((link) => link.traceId === send.traceId && link.spanId === send.spanId)
  );
}

/** Every span of the path once exported (services export on their own schedules), or undefined. */
function statsChainOf(
  spans: readonly ReceivedSpan[],
  path: { call: { traceId: string }; service: string; route: string; topic: string },
): StatsChain | undefined {
  const inTrace = spans.filter((span) => span.traceId === path.call.traceId);
  const server = inTrace.find(
    (span) =>
      span.service === path.service && span.kind === SERVER && attributeOf(span, 'http.route') === path.route,
  );
  const send = inTrace.find(
    (span) => span.service === path.service && span.kind === PRODUCER && span.name === `send ${path.topic}`,
  );
  if (!server || !send) return undefined;
  for (const consume of spans.filter((span) => span.service === 'relais-stats' && span.kind === CONSUMER)) {
    if (!startsFrom(consume, send)) continue;
    // The stats update itself: a database call made by the handler, inside the consumer span.
    const storeCall = spans.find(
      (span) =>
        span.service === 'relais-stats' &&
        // Older and stable database conventions name the system differently; either will do.
        (attributeOf(span, 'db.system') ?? attributeOf(span, 'db.system.name')) !== undefined &&
        ancestorsOf(spans, span).some((ancestor) => ancestor.spanId === consume.spanId),
    );
    if (storeCall) return { server, send, consume, storeCall };
  }
  return undefined;
}

/** Parent, grandparent… within the spans received, nearest first. */
function ancestorsOf(spans: readonly ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const ancestors: ReceivedSpan[] = [];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) {
    ancestors.push(parent);
  }
  return ancestors;
}
