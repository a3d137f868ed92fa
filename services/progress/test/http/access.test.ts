import { randomUUID } from 'node:crypto';
import { publishCourseWithMembers, startServiceHarness, type ServiceHarness } from '@relais/testing';
import { createInMemoryProgressService } from '../../src/index';

/**
 * L4 and docs/api.md in one table: every Progress route × every demo role × member or not. A role that
 * may never use a route gets 403; a role that may, but is not a member of this course, gets 404
 * (as for a course that does not exist), so that the existence of a course never leaks.
 */
type Route =
  | 'listActivities'
  | 'replaceActivities'
  | 'declareCompletion'
  | 'myProgress'
  | 'courseProgress'
  | 'myPersonalData'
  | 'notRecorded';
type Membership = 'member' | 'non-member' | 'no such course';
type Statuses = Record<Route, number>;

const routes: Record<Route, { method: string; path: (courseId: string) => string; body?: unknown }> = {
  listActivities: { method: 'GET', path: (id) => `/api/progress/courses/${id}/activities` },
  replaceActivities: {
    method: 'PUT',
    path: (id) => `/api/progress/courses/${id}/activities`,
    body: [{ id: 'intro', title: 'Welcome', kind: 'resource' }],
  },
  declareCompletion: {
    method: 'PUT',
    path: (id) => `/api/progress/courses/${id}/activities/intro/completion`,
    body: { done: true },
  },
  myProgress: { method: 'GET', path: (id) => `/api/progress/courses/${id}/progress/me` },
  courseProgress: { method: 'GET', path: (id) => `/api/progress/courses/${id}/progress` },
  // Not about a course: every signed-in person may ask what is held about himself, member or not.
  myPersonalData: { method: 'GET', path: () => '/api/progress/me/data' },
  // L2's list is a promise made to everyone: public, no token needed.
  notRecorded: { method: 'GET', path: () => '/api/progress/not-recorded' },
};

const statuses = (
  listActivities: number,
  replaceActivities: number,
  declareCompletion: number,
  myProgress: number,
  courseProgress: number,
  myPersonalData: number,
  notRecorded: number,
): Statuses => ({
  listActivities,
  replaceActivities,
  declareCompletion,
  myProgress,
  courseProgress,
  myPersonalData,
  notRecorded,
});

const neverAMember = statuses(403, 403, 403, 403, 403, 200, 200);

/** Users of the other roles are listed as participants of their "member" course: their role still decides. */
const table: { username: string | undefined; role: string; expected: Record<Membership, Statuses> }[] = [
  {
    username: 'teacher.01',
    role: 'teacher',
    expected: {
      member: statuses(200, 403, 200, 200, 403, 200, 200),
      'non-member': statuses(404, 403, 404, 404, 403, 200, 200),
      'no such course': statuses(404, 403, 404, 404, 403, 200, 200),
    },
  },
  {
    username: 'trainer.alice',
    role: 'trainer',
    expected: {
      member: statuses(200, 200, 403, 403, 200, 200, 200),
      'non-member': statuses(404, 404, 403, 403, 404, 200, 200),
      'no such course': statuses(404, 404, 403, 403, 404, 200, 200),
    },
  },
  ...[
    ['manager.lyon', 'training-manager'],
    ['inspector.d1', 'inspector'],
    ['ministry.dne', 'ministry'],
    ['chsct.national', 'chsct (national)'],
    ['chsct.lyon', 'chsct (academy)'],
    ['ops.admin', 'ops'],
  ].map(([username, role]) => ({
    username,
    role: role ?? '',
    expected: { member: neverAMember, 'non-member': neverAMember, 'no such course': neverAMember },
  })),
  {
    username: undefined,
    role: 'anonymous',
    expected: {
      member: statuses(401, 401, 401, 401, 401, 401, 200),
      'non-member': statuses(401, 401, 401, 401, 401, 401, 200),
      'no such course': statuses(401, 401, 401, 401, 401, 401, 200),
    },
  },
];

const codeOf: Record<number, string | undefined> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN_ROLE',
  404: 'COURSE_NOT_FOUND',
};

const cases = table.flatMap(({ username, role, expected }) =>
  (Object.keys(expected) as Membership[]).flatMap((membership) =>
    (Object.keys(routes) as Route[]).map((route) => ({
      username,
      role,
      membership,
      route,
      status: expected[membership][route],
    })),
  ),
);

describe('who may use which progress route (one table)', () => {
  let harness: ServiceHarness;
  const courseOf: Partial<Record<Membership, string>> = { 'no such course': randomUUID() };
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryProgressService({ verifier: verifierFor('relais-progress') }),
    ]);
    const otherRoles = table.slice(2).flatMap(({ username }) => (username ? [username] : []));
    courseOf.member = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: ['teacher.01', ...otherRoles],
    });
    courseOf['non-member'] = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.bruno'],
      participants: ['teacher.02'],
    });
    await harness.bus.idle();
    for (const [courseId, trainer] of [
      [courseOf.member, 'trainer.alice'],
      [courseOf['non-member'], 'trainer.bruno'],
    ] as const) {
      const put = await harness.call(trainer, 'PUT', routes.replaceActivities.path(courseId ?? ''), [
        { id: 'intro', title: 'Welcome', kind: 'resource' },
      ]);
      expect(put.status).toBe(200);
    }
  });
  afterAll(async () => harness.stop());

  it.each(cases)(
    '$route by $role ($membership) → $status',
    async ({ username, membership, route, status }) => {
      const { method, path, body } = routes[route];
      const answer = await harness.call(username, method, path(courseOf[membership] ?? ''), body);
      expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code: codeOf[status] });
    },
  );
});
