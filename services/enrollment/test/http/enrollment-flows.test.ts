import { topics } from '@relais/contracts';
import { userIdOf, type ServiceHarness } from '@relais/testing';
import { courseWith, lyonCourse, startEnrollmentHarness } from './enrollment-harness';

describe('enrollment over HTTP', () => {
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

  it('teacher enrolls → trainer completes → teacher sees his hours → inspector sees name, school and hours', async () => {
    const courseId = await courseWith(harness, ['teacher.03', 'teacher.21']);
    expect((await complete(courseId, 'teacher.03')).body).toMatchObject({
      status: 'completed',
      creditedHours: 9,
    });

    const record = await harness.call('teacher.03', 'GET', '/api/enrollment/me/enrollments');
    expect(record.body.enrollments).toContainEqual({
      courseId,
      title: 'Teaching reading in CP',
      status: 'completed',
      creditedHours: 9,
      withdrawn: false,
    });
    expect(record.body.totalCreditedHours).toBeGreaterThanOrEqual(9);

    const overview = await harness.call('inspector.d1', 'GET', '/api/enrollment/districts/lyon-d1/overview');
    const course = overview.body.courses.find((c: { courseId: string }) => c.courseId === courseId);
    expect(Object.keys(overview.body).sort()).toEqual(['courses', 'district']);
    expect(Object.keys(course).sort()).toEqual(['courseId', 'teachers', 'title', 'trainers']);
    expect(course.trainers).toEqual([expect.any(String)]);
    // Only teachers of lyon-d1: teacher.21 (lyon-d2) does not appear.
    expect(course.teachers).toEqual([
      { name: expect.any(String), school: '0690001A', status: 'completed', creditedHours: 9 },
    ]);
    expect(Object.keys(course.teachers[0]).sort()).toEqual(['creditedHours', 'name', 'school', 'status']);
  });

  it('shows the inspector no hours before completion and no withdrawn teacher', async () => {
    const courseId = await courseWith(harness, ['teacher.04', 'teacher.05']);
    expect((await harness.call('teacher.05', 'DELETE', path(courseId, '/enrollments/me'))).status).toBe(204);
    const overview = await harness.call('inspector.d1', 'GET', '/api/enrollment/districts/lyon-d1/overview');
    const course = overview.body.courses.find((c: { courseId: string }) => c.courseId === courseId);
    expect(course.teachers).toEqual([{ name: expect.any(String), school: '0690001A', status: 'enrolled' }]);
  });

  it('removes the credit when the trainer revokes a completion; the teacher then leaves without a trace', async () => {
    const courseId = await courseWith(harness, ['teacher.06']);
    await complete(courseId, 'teacher.06');
    expect((await complete(courseId, 'teacher.06', false)).body).toMatchObject({
      status: 'enrolled',
      creditedHours: 0,
    });
    expect((await harness.call('teacher.06', 'DELETE', path(courseId, '/enrollments/me'))).status).toBe(204);
    const record = await harness.call('teacher.06', 'GET', '/api/enrollment/me/enrollments');
    expect(record.body.enrollments.map((e: { courseId: string }) => e.courseId)).not.toContain(courseId);
    const again = await harness.call('teacher.06', 'POST', path(courseId, '/enrollments'));
    expect(again).toMatchObject({ status: 201, body: { status: 'enrolled', creditedHours: 0 } });
  });

  it('refuses an open course with no seat left with 409, and a capacity of 0 with 400', async () => {
    const small = await harness.call(
      'manager.lyon',
      'POST',
      '/api/enrollment/courses',
      lyonCourse({ capacity: 1 }),
    );
    expect((await harness.call('teacher.07', 'POST', path(small.body.id, '/enrollments'))).status).toBe(201);
    const full = await harness.call('teacher.08', 'POST', path(small.body.id, '/enrollments'));
    expect(full).toMatchObject({ status: 409, body: { code: 'COURSE_FULL' } });
    const lower = await harness.call('manager.lyon', 'PATCH', path(small.body.id), { capacity: 0 });
    expect(lower.status).toBe(400);
  });

  it('lets a manager edit fields and trainers, and refuses capacity below the participants', async () => {
    const courseId = await courseWith(harness, ['teacher.09', 'teacher.10']);
    const edited = await harness.call('manager.lyon', 'PATCH', path(courseId), {
      title: 'Reading, revised',
      trainerIds: [userIdOf('trainer.alice'), userIdOf('trainer.bruno')],
    });
    expect(edited.body).toMatchObject({
      title: 'Reading, revised',
      trainers: [{ name: expect.any(String) }, { name: expect.any(String) }],
    });
    const tooSmall = await harness.call('manager.lyon', 'PATCH', path(courseId), { capacity: 1 });
    expect(tooSmall).toMatchObject({ status: 409, body: { code: 'CAPACITY_BELOW_ENROLLED' } });
    const empty = await harness.call('manager.lyon', 'PATCH', path(courseId), {});
    expect(empty.status).toBe(400);
    const unknownTrainer = await harness.call('manager.lyon', 'PATCH', path(courseId), {
      trainerIds: [userIdOf('trainer.alice'), userIdOf('teacher.09')],
    });
    expect(unknownTrainer).toMatchObject({ status: 422, body: { code: 'TRAINER_NOT_FOUND' } });
  });

  it('shows a trainer what he ticked per participant, and a manager whom he may assign, nobody else', async () => {
    const courseId = await courseWith(harness, ['teacher.04', 'teacher.05']);
    await complete(courseId, 'teacher.04');

    const completions = await harness.call('trainer.alice', 'GET', path(courseId, '/completions'));
    expect(completions.body).toEqual(
      expect.arrayContaining([
        { userId: userIdOf('teacher.04'), completed: true },
        { userId: userIdOf('teacher.05'), completed: false },
      ]),
    );
    expect(completions.body).toHaveLength(2);

    const lyon = await harness.call('manager.lyon', 'GET', '/api/enrollment/trainers');
    const grenoble = await harness.call('manager.grenoble', 'GET', '/api/enrollment/trainers');
    expect(lyon.body.map(({ userId }: { userId: string }) => userId).sort()).toEqual(
      [userIdOf('trainer.alice'), userIdOf('trainer.bruno')].sort(),
    );
    expect(grenoble.body).toEqual([{ userId: userIdOf('trainer.chloe'), name: expect.any(String) }]);
  });

  it('tells each caller his place in a course; only the academy’s managers see the trainers’ ids', async () => {
    const courseId = await courseWith(harness, ['teacher.06']);
    const entryFor = async (user: string) =>
      (await harness.call(user, 'GET', path(courseId))).body as {
        myRole: string | null;
        trainers: { name: string; userId?: string }[];
        districts: string[];
        capacity: number | null;
      };

    expect((await entryFor('trainer.alice')).myRole).toBe('trainer');
    expect((await entryFor('teacher.06')).myRole).toBe('participant');
    expect((await entryFor('teacher.07')).myRole).toBeNull();
    expect((await entryFor('teacher.07')).trainers).toEqual([{ name: expect.any(String) }]);
    expect((await entryFor('teacher.07')).districts).toEqual(['lyon-d1']);
    const managed = await entryFor('manager.lyon');
    expect(managed.myRole).toBeNull();
    expect(managed.trainers).toEqual([{ name: expect.any(String), userId: userIdOf('trainer.alice') }]);
  });

  it('shows members the participant list: ids, names, roles and schools, nothing else', async () => {
    const courseId = await courseWith(harness, ['teacher.11']);
    const list = await harness.call('teacher.11', 'GET', path(courseId, '/participants'));
    expect(list.body).toEqual([
      { userId: userIdOf('trainer.alice'), name: expect.any(String), role: 'trainer' },
      { userId: userIdOf('teacher.11'), name: expect.any(String), role: 'participant', school: '0690003C' },
    ]);
  });

  it('lists the catalogue: open courses of the caller’s academy, closed ones for managers', async () => {
    const courseId = await courseWith(harness);
    await harness.call('manager.lyon', 'PATCH', path(courseId), { status: 'closed' });
    const ids = async (user: string) =>
      (await harness.call(user, 'GET', '/api/enrollment/courses')).body.map((c: { id: string }) => c.id);
    expect(await ids('teacher.12')).not.toContain(courseId);
    expect(await ids('manager.lyon')).toContain(courseId);
    expect(await ids('trainer.alice')).toContain(courseId);
    expect(await ids('teacher.g02')).not.toContain(courseId);
  });

  it('publishes events with only what siblings need, and facts with no person reference', async () => {
    const courseId = await courseWith(harness, ['teacher.13']);
    await complete(courseId, 'teacher.13');
    await harness.host.relay.drainOnce();
    const facts = harness.bus.records(topics.enrollmentFacts).map((record) => String(record.value));
    const events = harness.bus
      .records(topics.enrollmentEvents)
      .map((record) => JSON.parse(String(record.value)));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['enrollment.completion.recorded.v1']));
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(fact).not.toContain(userIdOf('teacher.13'));
      expect(fact).not.toContain(courseId);
      expect(fact).not.toContain('0690003C');
      expect(fact).not.toMatch(/"(userId|name|school|courseId)"/);
    }
    const created = events.find(
      (e) => e.type === 'enrollment.enrollment.created.v1' && e.data.courseId === courseId,
    );
    expect(Object.keys(created.data).sort()).toEqual(['courseId', 'name', 'school', 'userId']);
  });
});
