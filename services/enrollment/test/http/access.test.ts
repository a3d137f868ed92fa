import { userIdOf, type ServiceHarness } from '@relais/testing';
import { courseWith, lyonCourse, startEnrollmentHarness } from './enrollment-harness';

/**
 * Every Enrollment route × every demo role, member or not, own academy or other (docs/api.md): the status
 * each must get. Each case runs on a fresh course (trained by trainer.alice in Lyon, district lyon-d1,
 * with teacher.01 enrolled), so a case that changes something cannot affect another.
 */
const users = [
  'anonymous',
  'manager.lyon',
  'manager.grenoble',
  'trainer.alice',
  'trainer.bruno',
  'trainer.chloe',
  'teacher.01',
  'teacher.02',
  'teacher.g01',
  'inspector.d1',
  'inspector.d2',
  'chsct.national',
  'chsct.lyon',
  'ministry.dne',
  'ops.admin',
] as const;
type User = (typeof users)[number];

interface Route {
  name: string;
  call: (courseId: string) => { method: string; path: string; body?: unknown };
  expected: Partial<Record<User, number>>;
  otherwise: number;
  /** Without a token: 401, except on public routes. */
  anonymous?: number;
}

const lyonMembersOrOpenToLyon = {
  'manager.lyon': 200,
  'trainer.alice': 200,
  'trainer.bruno': 200,
  'teacher.01': 200,
  'teacher.02': 200,
  'inspector.d1': 200,
  'inspector.d2': 200,
  'chsct.lyon': 200,
};

const routes: Route[] = [
  {
    name: 'POST /courses',
    call: () => ({ method: 'POST', path: '/courses', body: lyonCourse() }),
    expected: { 'manager.lyon': 201 },
    otherwise: 403,
  },
  {
    name: 'PATCH /courses/:id',
    call: (id) => ({ method: 'PATCH', path: `/courses/${id}`, body: { title: 'Reading, revised' } }),
    expected: { 'manager.lyon': 200, 'manager.grenoble': 404 },
    otherwise: 403,
  },
  {
    name: 'GET /courses',
    call: () => ({ method: 'GET', path: '/courses' }),
    expected: {},
    otherwise: 200,
  },
  {
    name: 'GET /courses/:id',
    call: (id) => ({ method: 'GET', path: `/courses/${id}` }),
    expected: lyonMembersOrOpenToLyon,
    otherwise: 404,
  },
  {
    name: 'POST /courses/:id/enrollments',
    call: (id) => ({ method: 'POST', path: `/courses/${id}/enrollments` }),
    expected: { 'teacher.01': 200, 'teacher.02': 201, 'teacher.g01': 404 },
    otherwise: 403,
  },
  {
    name: 'DELETE /courses/:id/enrollments/me',
    call: (id) => ({ method: 'DELETE', path: `/courses/${id}/enrollments/me` }),
    expected: { 'teacher.01': 204, 'teacher.02': 404, 'teacher.g01': 404 },
    otherwise: 403,
  },
  {
    name: 'GET /courses/:id/participants',
    call: (id) => ({ method: 'GET', path: `/courses/${id}/participants` }),
    expected: {
      'trainer.alice': 200,
      'teacher.01': 200,
      'trainer.bruno': 404,
      'trainer.chloe': 404,
      'teacher.02': 404,
      'teacher.g01': 404,
    },
    otherwise: 403,
  },
  {
    name: 'PUT /courses/:id/enrollments/:teacherId/completion',
    call: (id) => ({
      method: 'PUT',
      path: `/courses/${id}/enrollments/${userIdOf('teacher.01')}/completion`,
      body: { completed: true },
    }),
    expected: { 'trainer.alice': 200, 'trainer.bruno': 404, 'trainer.chloe': 404 },
    otherwise: 403,
  },
  {
    name: 'GET /courses/:id/completions',
    call: (id) => ({ method: 'GET', path: `/courses/${id}/completions` }),
    expected: { 'trainer.alice': 200, 'trainer.bruno': 404, 'trainer.chloe': 404 },
    otherwise: 403,
  },
  {
    name: 'GET /trainers',
    call: () => ({ method: 'GET', path: '/trainers' }),
    expected: { 'manager.lyon': 200, 'manager.grenoble': 200 },
    otherwise: 403,
  },
  {
    name: 'GET /me/enrollments',
    call: () => ({ method: 'GET', path: '/me/enrollments' }),
    expected: { 'teacher.01': 200, 'teacher.02': 200, 'teacher.g01': 200 },
    otherwise: 403,
  },
  {
    name: 'GET /districts/:district/overview',
    call: () => ({ method: 'GET', path: '/districts/lyon-d1/overview' }),
    expected: { 'inspector.d1': 200 },
    otherwise: 403,
  },
  {
    name: 'GET /me/attestations',
    call: () => ({ method: 'GET', path: '/me/attestations' }),
    expected: { 'teacher.01': 200, 'teacher.02': 200, 'teacher.g01': 200 },
    otherwise: 403,
  },
  {
    // The course's teacher.01 is enrolled, not completed: no attestation yet, for him or anyone.
    name: 'GET /me/attestations/:courseId.pdf',
    call: (id) => ({ method: 'GET', path: `/me/attestations/${id}.pdf` }),
    expected: { 'teacher.01': 404, 'teacher.02': 404, 'teacher.g01': 404 },
    otherwise: 403,
  },
  {
    name: 'GET /me/attestations/school-years/:schoolYear.pdf',
    call: () => ({ method: 'GET', path: '/me/attestations/school-years/2019-2020.pdf' }),
    expected: { 'teacher.01': 404, 'teacher.02': 404, 'teacher.g01': 404 },
    otherwise: 403,
  },
  {
    // Every signed-in role may ask what is held about itself (GDPR articles 15 and 20).
    name: 'GET /me/data',
    call: () => ({ method: 'GET', path: '/me/data' }),
    expected: {},
    otherwise: 200,
  },
  {
    // Public: whoever holds a document checks it; a code that names nothing is 404 for all alike.
    name: 'GET /verify/:code',
    call: () => ({ method: 'GET', path: '/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
    expected: {},
    otherwise: 404,
    anonymous: 404,
  },
];

const cases = routes.flatMap((route) =>
  users.map((user) => ({
    route: route.name,
    user,
    call: route.call,
    status: user === 'anonymous' ? (route.anonymous ?? 401) : (route.expected[user] ?? route.otherwise),
  })),
);

describe('who may call which Enrollment route', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startEnrollmentHarness();
  });
  afterAll(async () => harness.stop());

  it.each(cases)('$route as $user → $status', async ({ user, call, status }) => {
    const courseId = await courseWith(harness, ['teacher.01']);
    const { method, path, body } = call(courseId);
    const response = await harness.call(
      user === 'anonymous' ? undefined : user,
      method,
      `/api/enrollment${path}`,
      body,
    );
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
