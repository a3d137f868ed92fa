import { randomUUID } from 'node:crypto';
import { userIdOf, type ServiceHarness } from '@relais/testing';
import { courseWith, lyonCourse, startEnrollmentHarness } from './enrollment-harness';

/**
 * docs/design.md §5, issue 15 point 5: a course the caller may not see answers exactly as an id that names no
 * course, on every route — whether it is closed or full. Each row calls a route once with a hidden
 * course and once with an unknown id, and both answers must be the same problem, byte for byte.
 */
interface Row {
  route: string;
  caller: string;
  call: (courseId: string) => { method: string; path: string; body?: unknown };
  /** The status both answers must have: 404, or 403 for a role that may never call the route. */
  status: number;
}

const routes = [
  { route: 'GET /courses/:id', call: (id: string) => ({ method: 'GET', path: `/courses/${id}` }) },
  {
    route: 'POST /courses/:id/enrollments',
    call: (id: string) => ({ method: 'POST', path: `/courses/${id}/enrollments` }),
  },
  {
    route: 'DELETE /courses/:id/enrollments/me',
    call: (id: string) => ({ method: 'DELETE', path: `/courses/${id}/enrollments/me` }),
  },
  {
    route: 'GET /courses/:id/participants',
    call: (id: string) => ({ method: 'GET', path: `/courses/${id}/participants` }),
  },
  {
    route: 'PUT /courses/:id/enrollments/:teacherId/completion',
    call: (id: string) => ({
      method: 'PUT',
      path: `/courses/${id}/enrollments/${userIdOf('teacher.01')}/completion`,
      body: { completed: true },
    }),
  },
  {
    route: 'PATCH /courses/:id',
    call: (id: string) => ({ method: 'PATCH', path: `/courses/${id}`, body: { title: 'Renamed' } }),
  },
];

/** Who may call which route at all (docs/api.md); any other role gets 403 whatever the id. */
const rolesOf: Record<string, string[]> = {
  'GET /courses/:id': ['teacher', 'trainer', 'manager'],
  'POST /courses/:id/enrollments': ['teacher'],
  'DELETE /courses/:id/enrollments/me': ['teacher'],
  'GET /courses/:id/participants': ['teacher', 'trainer'],
  'PUT /courses/:id/enrollments/:teacherId/completion': ['trainer'],
  'PATCH /courses/:id': ['manager'],
};

/** Callers who are not members of the hidden courses, and their role. */
const callers = {
  'teacher.02': 'teacher', // Lyon, never enrolled
  'teacher.03': 'teacher', // Lyon, completed then withdrew: no longer a member
  'teacher.g01': 'teacher', // another academy
  'trainer.bruno': 'trainer', // Lyon, does not train it
  'manager.grenoble': 'manager', // another academy
} as const;

const rowsFor = (hidden: string): (Row & { hidden: string })[] =>
  routes.flatMap(({ route, call }) =>
    Object.entries(callers).map(([caller, role]) => ({
      hidden,
      route,
      caller,
      call,
      status: (rolesOf[route] ?? []).includes(role) ? 404 : 403,
    })),
  );

describe('existence does not leak: a hidden course answers as an unknown id', () => {
  let harness: ServiceHarness;
  const hiddenIds: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startEnrollmentHarness();
    const closed = await courseWith(harness, ['teacher.01', 'teacher.03']);
    const completion = `/api/enrollment/courses/${closed}/enrollments/${userIdOf('teacher.03')}/completion`;
    expect((await harness.call('trainer.alice', 'PUT', completion, { completed: true })).status).toBe(200);
    // Withdrawal after completion is proven in withdrawal-after-completion.test.ts; here he is just
    // someone who is no longer a member.
    await harness.call('teacher.03', 'DELETE', `/api/enrollment/courses/${closed}/enrollments/me`);
    const closing = { status: 'closed' };
    expect(
      (await harness.call('manager.lyon', 'PATCH', `/api/enrollment/courses/${closed}`, closing)).status,
    ).toBe(200);
    hiddenIds['closed'] = closed;

    // Full and open: hidden from another academy; its own academy's teachers get 409 COURSE_FULL.
    const full = await harness.call(
      'manager.lyon',
      'POST',
      '/api/enrollment/courses',
      lyonCourse({ capacity: 1 }),
    );
    expect(
      (await harness.call('teacher.01', 'POST', `/api/enrollment/courses/${full.body.id}/enrollments`))
        .status,
    ).toBe(201);
    hiddenIds['full, to another academy'] = full.body.id;
  });
  afterAll(async () => harness.stop());

  const call = (caller: string, request: { method: string; path: string; body?: unknown }) =>
    harness.call(caller, request.method, `/api/enrollment${request.path}`, request.body);

  const fullToOtherAcademy = rowsFor('full, to another academy').filter(({ caller }) =>
    ['teacher.g01', 'manager.grenoble'].includes(caller),
  );

  it.each([...rowsFor('closed'), ...fullToOtherAcademy])(
    '$route by $caller: $hidden course and unknown id → the same $status',
    async ({ hidden, caller, call: requestFor, status }) => {
      const hiddenAnswer = await call(caller, requestFor(hiddenIds[hidden] ?? ''));
      const unknownAnswer = await call(caller, requestFor(randomUUID()));
      expect(hiddenAnswer.status).toBe(status);
      expect(hiddenAnswer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect({ status: hiddenAnswer.status, body: hiddenAnswer.body }).toEqual({
        status: unknownAnswer.status,
        body: unknownAnswer.body,
      });
      if (status === 404) expect(hiddenAnswer.body.code).toBe('COURSE_NOT_FOUND');
    },
  );

  it('still tells a teacher of the academy that an open course is full (409)', async () => {
    const full = await call('teacher.02', {
      method: 'POST',
      path: `/courses/${hiddenIds['full, to another academy']}/enrollments`,
    });
    expect(full).toMatchObject({ status: 409, body: { code: 'COURSE_FULL' } });
  });
});
