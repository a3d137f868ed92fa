import { startServiceHarness, type ServiceHarness } from '@relais/testing';
import { createInMemoryStatsService } from '../../src/index';
import { everyTestPeriodPublished } from '../support/facts';

/**
 * Every Stats route × every demo role (docs/api.md): the tables to the ministry and the CHSCT, nobody
 * else; what is held about oneself to anyone signed in; 401 without a token.
 */
const users = [
  'anonymous',
  'ministry.dne',
  'chsct.national',
  'chsct.lyon',
  'manager.lyon',
  'trainer.alice',
  'teacher.01',
  'inspector.d1',
  'ops.admin',
] as const;
type User = (typeof users)[number];

const routes: { path: string; allowed: User[] }[] = [
  { path: '/ministry/enrollments?period=2026-11&by=academy', allowed: ['ministry.dne'] },
  { path: '/ministry/enrollments?period=2026-Q4&by=theme', allowed: ['ministry.dne'] },
  {
    path: '/chsct/feedback-trends?from=2026-09&to=2026-11&by=category',
    allowed: ['chsct.national', 'chsct.lyon'],
  },
  {
    path: '/chsct/feedback-trends?from=2026-09&to=2026-11&by=academy',
    allowed: ['chsct.national', 'chsct.lyon'],
  },
  { path: '/catalogue', allowed: ['ministry.dne', 'chsct.national', 'chsct.lyon'] },
  // Everyone may ask what is held about him: nothing, here.
  { path: '/me/data', allowed: users.filter((user) => user !== 'anonymous') },
];

const cases = routes.flatMap((route) =>
  users.map((user) => ({
    path: route.path,
    user,
    status: user === 'anonymous' ? 401 : route.allowed.includes(user) ? 200 : 403,
  })),
);

describe('who may call which Stats route', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryStatsService({
        verifier: verifierFor('relais-stats'),
        minimumCount: 11,
        publication: everyTestPeriodPublished,
      }),
    ]);
  });
  afterAll(async () => harness.stop());

  it.each(cases)('GET $path as $user → $status', async ({ user, path, status }) => {
    const response = await harness.call(user === 'anonymous' ? undefined : user, 'GET', `/api/stats${path}`);
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
