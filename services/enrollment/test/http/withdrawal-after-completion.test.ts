import { topics } from '@relais/contracts';
import { userIdOf, type ServiceHarness } from '@relais/testing';
import { courseWith, startEnrollmentHarness } from './enrollment-harness';

interface Envelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * L1, issue 15 point 6: a teacher may withdraw at any time, also after completion. He leaves the
 * course; the hours he worked stay credited in his record and in his inspector's view.
 */
describe('withdrawal after completion', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startEnrollmentHarness();
  });
  afterAll(async () => harness.stop());

  const path = (courseId: string, rest = '') => `/api/enrollment/courses/${courseId}${rest}`;
  const complete = (courseId: string, teacher: string, completed = true) =>
    harness.call('trainer.alice', 'PUT', path(courseId, `/enrollments/${userIdOf(teacher)}/completion`), {
      completed,
    });
  const withdraw = (courseId: string, teacher: string) =>
    harness.call(teacher, 'DELETE', path(courseId, '/enrollments/me'));
  const recordOf = async (teacher: string) =>
    (await harness.call(teacher, 'GET', '/api/enrollment/me/enrollments')).body;
  const overviewOf = async (courseId: string) => {
    const overview = await harness.call('inspector.d1', 'GET', '/api/enrollment/districts/lyon-d1/overview');
    return overview.body.courses.find((course: { courseId: string }) => course.courseId === courseId);
  };

  /** Envelopes on the topics once the outbox relay ran (records are grouped by partition, not time). */
  async function envelopes() {
    await harness.host.relay.drainOnce();
    const parse = (topic: string): Envelope[] =>
      harness.bus.records(topic).map((record) => JSON.parse(String(record.value)) as Envelope);
    return { events: parse(topics.enrollmentEvents), facts: parse(topics.enrollmentFacts) };
  }
  async function published() {
    const { events, facts } = await envelopes();
    return new Set([...events, ...facts].map((envelope) => envelope.id));
  }
  /** What was published since `before`; one course's events share a partition, so keep their order. */
  async function publishedSince(before: Set<string>) {
    const { events, facts } = await envelopes();
    const since = (list: Envelope[]) => list.filter((envelope) => !before.has(envelope.id));
    return { events: since(events), facts: since(facts) };
  }

  it('answers 204 and takes him off the participant list', async () => {
    const courseId = await courseWith(harness, ['teacher.01', 'teacher.02']);
    await complete(courseId, 'teacher.01');
    expect((await withdraw(courseId, 'teacher.01')).status).toBe(204);
    const participants = await harness.call('teacher.02', 'GET', path(courseId, '/participants'));
    expect(participants.body.map((p: { userId: string }) => p.userId)).not.toContain(userIdOf('teacher.01'));
    // No longer a member: the participant list is closed to him, as to anyone outside the course.
    expect((await harness.call('teacher.01', 'GET', path(courseId, '/participants'))).status).toBe(404);
  });

  it('keeps his credited hours in his record, marked withdrawn, with the total unchanged', async () => {
    const courseId = await courseWith(harness, ['teacher.16']);
    await complete(courseId, 'teacher.16');
    const before = await recordOf('teacher.16');
    expect((await withdraw(courseId, 'teacher.16')).status).toBe(204);
    const after = await recordOf('teacher.16');
    expect(after.enrollments).toContainEqual({
      courseId,
      title: 'Teaching reading in CP',
      status: 'completed',
      creditedHours: 9,
      withdrawn: true,
    });
    expect(after.totalCreditedHours).toBe(before.totalCreditedHours);
  });

  it('still shows him to the inspector as completed, with his hours', async () => {
    const courseId = await courseWith(harness, ['teacher.17', 'teacher.18']);
    await complete(courseId, 'teacher.17');
    expect((await withdraw(courseId, 'teacher.17')).status).toBe(204);
    expect((await overviewOf(courseId)).teachers).toEqual(
      expect.arrayContaining([
        { name: expect.any(String), school: '0690004D', status: 'completed', creditedHours: 9 },
        { name: expect.any(String), school: '0690004D', status: 'enrolled' },
      ]),
    );
    expect((await overviewOf(courseId)).teachers).toHaveLength(2);
  });

  it('leaves no trace of a teacher who withdrew before completion', async () => {
    const courseId = await courseWith(harness, ['teacher.19']);
    expect((await withdraw(courseId, 'teacher.19')).status).toBe(204);
    const record = await recordOf('teacher.19');
    expect(record.enrollments.map((e: { courseId: string }) => e.courseId)).not.toContain(courseId);
    expect((await overviewOf(courseId)).teachers).toEqual([]);
  });

  it('tells rosters he left, and counts a withdrawal without taking back the completion or its hours', async () => {
    const courseId = await courseWith(harness, ['teacher.20']);
    await complete(courseId, 'teacher.20');
    const from = await published();
    expect((await withdraw(courseId, 'teacher.20')).status).toBe(204);
    const { events, facts } = await publishedSince(from);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['enrollment.enrollment.withdrawn.v1', { courseId, userId: userIdOf('teacher.20') }],
    ]);
    expect(facts.map((fact) => [fact.data.change, fact.data.creditedHoursDelta])).toEqual([['withdrawn', 0]]);
  });

  it('lets him enroll again, with his completion as he left it and his hours credited once', async () => {
    const courseId = await courseWith(harness, ['teacher.21']);
    await complete(courseId, 'teacher.21');
    const credited = (await recordOf('teacher.21')).totalCreditedHours;
    expect((await withdraw(courseId, 'teacher.21')).status).toBe(204);
    const from = await published();
    const again = await harness.call('teacher.21', 'POST', path(courseId, '/enrollments'));
    expect(again).toMatchObject({
      status: 201,
      body: { courseId, status: 'completed', creditedHours: 9, withdrawn: false },
    });
    const record = await recordOf('teacher.21');
    expect(record.enrollments.filter((e: { courseId: string }) => e.courseId === courseId)).toHaveLength(1);
    expect(record.totalCreditedHours).toBe(credited);
    const { events, facts } = await publishedSince(from);
    expect(events.map((event) => event.type)).toEqual([
      'enrollment.enrollment.created.v1',
      'enrollment.completion.recorded.v1',
    ]);
    // The completion and its hours were counted once already; only the return is a new fact.
    expect(facts.map((fact) => [fact.data.change, fact.data.creditedHoursDelta])).toEqual([['enrolled', 0]]);
  });

  it('puts him out of the trainer’s reach: his completion cannot be changed once he left (404)', async () => {
    const courseId = await courseWith(harness, ['teacher.22']);
    await complete(courseId, 'teacher.22');
    expect((await withdraw(courseId, 'teacher.22')).status).toBe(204);
    const revoke = await complete(courseId, 'teacher.22', false);
    expect(revoke).toMatchObject({ status: 404, body: { code: 'NOT_A_PARTICIPANT' } });
    const stranger = await complete(courseId, 'teacher.23', false);
    expect(revoke.body).toEqual(stranger.body);
    expect((await recordOf('teacher.22')).enrollments).toContainEqual(
      expect.objectContaining({ courseId, creditedHours: 9, withdrawn: true }),
    );
  });

  it('answers 404 when he withdraws a second time: he is no longer enrolled', async () => {
    const courseId = await courseWith(harness, ['teacher.24']);
    await complete(courseId, 'teacher.24');
    expect((await withdraw(courseId, 'teacher.24')).status).toBe(204);
    expect(await withdraw(courseId, 'teacher.24')).toMatchObject({
      status: 404,
      body: { code: 'COURSE_NOT_FOUND' },
    });
  });
});
