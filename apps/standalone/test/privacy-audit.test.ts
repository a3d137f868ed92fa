import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startOtlpReceiver, type OtlpReceiver } from '@relais/telemetry/testing';
import {
  currentMonth,
  demoRealmFile,
  eventually,
  relaisClient,
  runCourseLife,
  userIdOf,
  type RelaisClient,
} from '@relais/testing';

const FIXTURE = fileURLToPath(new URL('./fixtures/audited-standalone.ts', import.meta.url));
const AUDIT_TELEMETRY = fileURLToPath(new URL('./fixtures/audit-telemetry.ts', import.meta.url));
const WAIT_MS = 30_000;
/** Filled by the scenario: verification codes of the attestations it issued. */
const attestationCodes: string[] = [];

interface RealmUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  attributes?: { school?: string[] };
}

const realmUsers = (JSON.parse(readFileSync(demoRealmFile, 'utf8')) as { users: RealmUser[] }).users;

/** Everything that identifies a person of the scenario: ids, usernames, names, emails, schools. */
function personalValuesOf(usernames: readonly string[]): string[] {
  return usernames.flatMap((username) => {
    const user = realmUsers.find((candidate) => candidate.username === username);
    if (!user) throw new Error(`no demo user ${username}`);
    return [
      user.id,
      user.username,
      user.lastName,
      `${user.firstName} ${user.lastName}`,
      user.email,
      ...(user.attributes?.school ?? []),
    ];
  });
}

// The people runCourseLife involves, and those of the scenario below.
const PEOPLE = [
  'manager.lyon',
  'trainer.alice',
  'inspector.d1',
  'teacher.14',
  'teacher.15',
  'teacher.22',
  'teacher.23',
  'teacher.24',
  'teacher.31',
  'teacher.32',
  'teacher.33',
  'teacher.34',
  'ministry.dne',
  'chsct.lyon',
];
const FREE_TEXT = {
  named: 'Je suis épuisée par la charge de travail, Mme Lefèvre-Audit',
  anonymous: 'Personne ne répond à mes questions, signé Yvonne-Audit',
  reply: 'Voyons cela ensemble jeudi, Yvonne-Audit',
  message: 'Pouvez-vous me rappeler au 06 12 34 56 78 ?',
};

/**
 * docs/design.md §7, measured: the four services in one process, instrumented exactly as in production, run a
 * scenario full of known personal values; none may appear in any exported span (name, attribute,
 * event, status), any log line or any metric label.
 */
describe('privacy audit of telemetry', () => {
  let receiver: OtlpReceiver;
  let child: ChildProcess;
  let relais: RelaisClient;
  let baseUrl = '';
  const logLines: string[] = [];
  let stderr = '';
  let metricsText = '';

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    child = spawn(process.execPath, ['--import', 'tsx', '--import', AUDIT_TELEMETRY, FIXTURE], {
      env: { ...process.env, NODE_OPTIONS: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => logLines.push(line));
    baseUrl = await eventually(async () => {
      const ready = logLines.map((line) => JSON.parse(line) as { url?: string }).find((line) => line.url);
      if (child.exitCode !== null) throw new Error(`the audited standalone exited: ${stderr}`);
      return ready?.url;
    }, WAIT_MS);
    relais = relaisClient({ apiUrl: baseUrl, identityUrl: baseUrl });

    await runScenario(relais);
    metricsText = await (await fetch(`${baseUrl}/metrics`)).text();

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`the audited standalone did not stop cleanly (${code}): ${stderr}`);
  }, 120_000);

  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    await receiver?.close();
  });

  // An attestation's code leads to a name (GET /verify/:code): it is as personal as the name.
  const secrets = [...personalValuesOf(PEOPLE), ...Object.values(FREE_TEXT)];
  beforeAll(() => secrets.push(...attestationCodes));

  it('ran the scenario through all four services, traced and logged', () => {
    const routes = new Set(
      receiver
        .spans()
        .flatMap((span) => span.attributes)
        .filter((attribute) => attribute.key === 'http.route')
        .map((attribute) => String(Object.values(attribute.value)[0])),
    );
    for (const service of ['enrollment', 'progress', 'feedback', 'stats']) {
      expect([...routes].some((route) => route.startsWith(`/api/${service}/`))).toBe(true);
    }
    expect(receiver.spans().some((span) => span.name.startsWith('process '))).toBe(true);
    expect(logLines.filter((line) => line.includes('"request completed"')).length).toBeGreaterThan(20);
    expect(metricsText).toContain('http_server_request_duration_count');
  });

  it('exports no personal value in any span name, attribute, event or status', () => {
    const exported = receiver.bodies().join('\n');
    expect(secrets.filter((secret) => exported.includes(secret))).toEqual([]);
  });

  it('writes no personal value in any log line', () => {
    const logs = logLines.join('\n');
    expect(secrets.filter((secret) => logs.includes(secret))).toEqual([]);
  });

  it('puts no personal value in any metric label', () => {
    expect(secrets.filter((secret) => metricsText.includes(secret))).toEqual([]);
  });

  it('would fail without the redaction: the same spans, unredacted, do hold personal values', () => {
    const unredacted = receiver.bodies('/unredacted/v1/traces');
    expect(unredacted.length).toBeGreaterThan(0);
    const leaked = secrets.filter((secret) => unredacted.join('\n').includes(secret));
    // At least the teacher id in the raw path of the completion route, which only the redaction removes.
    expect(leaked).toContain(userIdOf('teacher.14'));
    // And the code in the raw path of the public verification.
    expect(leaked).toContain(attestationCodes[0]);
  });
});

async function runScenario(relais: RelaisClient): Promise<void> {
  await runCourseLife(relais);

  const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
    title: 'Audit course',
    academy: 'lyon',
    themes: ['audit'],
    predictedHours: 2,
    trainerIds: [userIdOf('trainer.alice')],
  });
  expect(created.status).toBe(201);
  const courseId: string = created.body.id;
  // Five participants: the fewest with which feedback accepts anonymous items (docs/design.md §7).
  for (const teacher of ['teacher.22', 'teacher.31', 'teacher.32', 'teacher.33', 'teacher.34']) {
    expect(
      (await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
    ).toBe(201);
  }
  const named = await eventually(async () => {
    const post = await relais.call('teacher.31', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'workload-time',
      intensity: 5,
      message: FREE_TEXT.named,
      visibility: 'named',
    });
    return post.status === 201 ? post : undefined;
  });
  // Until the roster replica counts all five, an anonymous item is refused (409): retry until then.
  const anonymous = await eventually(async () => {
    const post = await relais.call('teacher.22', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'support-guidance',
      intensity: 2,
      message: FREE_TEXT.anonymous,
      visibility: 'anonymous',
    });
    return post.status === 201 ? post : undefined;
  });
  for (const item of [named.body, anonymous.body]) {
    expect(
      (
        await relais.call('trainer.alice', 'POST', `/api/feedback/feedback/${item.id}/replies`, {
          message: FREE_TEXT.reply,
        })
      ).status,
    ).toBe(201);
  }
  expect(
    (
      await relais.call('trainer.alice', 'PATCH', `/api/feedback/feedback/${named.body.id}`, {
        status: 'addressed',
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await relais.call('teacher.31', 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: userIdOf('trainer.alice'),
        message: FREE_TEXT.message,
      })
    ).status,
  ).toBe(201);
  expect((await relais.call('trainer.alice', 'GET', '/api/feedback/me/messages')).status).toBe(200);
  expect(
    (await relais.call('trainer.alice', 'GET', `/api/feedback/courses/${courseId}/feedback`)).status,
  ).toBe(200);
  expect((await relais.call('teacher.31', 'GET', '/api/feedback/me/feedback')).status).toBe(200);

  // The attestation holds the teacher's name by design, for him alone; neither it nor its code may
  // reach a span or a log line while he downloads it and someone checks it (ADR 0031).
  const completion = `/api/enrollment/courses/${courseId}/enrollments/${userIdOf('teacher.22')}/completion`;
  expect((await relais.call('trainer.alice', 'PUT', completion, { completed: true })).status).toBe(200);
  const { attestations } = (await relais.call('teacher.22', 'GET', '/api/enrollment/me/attestations')).body;
  const code: string = attestations.find((a: { courseId: string }) => a.courseId === courseId).code;
  attestationCodes.push(code);
  const pdf = await fetch(`${relais.apiUrl}/api/enrollment/me/attestations/${courseId}.pdf`, {
    headers: { authorization: `Bearer ${await relais.token('teacher.22')}` },
  });
  expect(pdf.status).toBe(200);
  expect((await relais.call(undefined, 'GET', `/api/enrollment/verify/${code}`)).status).toBe(200);

  // Bad input and refusals are logged and traced too: they must not echo what was sent.
  expect(
    (
      await relais.call('teacher.31', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
        category: 'workload-time',
        intensity: 9,
        message: FREE_TEXT.named,
        visibility: 'named',
        email: personalValuesOf(['teacher.31'])[4],
      })
    ).status,
  ).toBe(400);
  expect(
    (
      await relais.call(
        'teacher.22',
        'GET',
        `/api/enrollment/courses/${courseId}/participants?name=${FREE_TEXT.named}`,
      )
    ).status,
  ).toBe(400);

  // The current period is not published (docs/design.md §7); a closed one is, and both are traced.
  const month = currentMonth();
  const closed = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  expect(
    (await relais.call('ministry.dne', 'GET', `/api/stats/ministry/enrollments?period=${month}&by=academy`))
      .status,
  ).toBe(404);
  expect(
    (await relais.call('ministry.dne', 'GET', `/api/stats/ministry/enrollments?period=${closed}&by=academy`))
      .status,
  ).toBe(200);
  expect(
    (
      await relais.call(
        'chsct.lyon',
        'GET',
        `/api/stats/chsct/feedback-trends?from=${closed}&to=${closed}&by=category`,
      )
    ).status,
  ).toBe(200);
  expect((await relais.call('ministry.dne', 'GET', '/api/stats/catalogue')).status).toBe(200);
}
