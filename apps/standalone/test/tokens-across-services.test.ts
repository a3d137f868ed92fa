import { startTestStandalone, type StandaloneUnderTest } from './support/standalone-fixture';

/** Flips one character of the payload: the signature no longer matches. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  claims.realm_access = { roles: [...(claims.realm_access?.roles ?? []), 'ministry'] };
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('tokens of the embedded provider, across the four services', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  const protectedRoutes = [
    { service: 'enrollment', username: 'teacher.01', path: '/api/enrollment/me/enrollments' },
    {
      service: 'progress',
      username: 'trainer.alice',
      path: '/api/progress/courses/00000000-0000-4000-8000-000000000000/activities',
    },
    { service: 'feedback', username: 'teacher.01', path: '/api/feedback/me/messages' },
    { service: 'stats', username: 'ministry.dne', path: '/api/stats/catalogue' },
  ];

  it.each(protectedRoutes)('$service accepts a genuine token', async ({ username, path }) => {
    const response = await fetch(`${relais.standalone.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await relais.token(username)}` },
    });
    // The progress route answers 404 for a course the caller is not a member of: authenticated, not leaked.
    expect([200, 404]).toContain(response.status);
    expect(response.status).not.toBe(401);
  });

  it.each(protectedRoutes)(
    '$service refuses a tampered token with 401 problem+json',
    async ({ username, path }) => {
      const response = await fetch(`${relais.standalone.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${tamper(await relais.token(username))}` },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const problem = (await response.json()) as { code: string; status: number; detail: string };
      expect(problem.status).toBe(401);
      expect(problem.detail).not.toContain(username);
    },
  );

  it.each(protectedRoutes)('$service refuses a request without a token with 401', async ({ path }) => {
    const response = await fetch(`${relais.standalone.baseUrl}${path}`);
    expect(response.status).toBe(401);
  });

  it('answers 403 to a valid token without the role', async () => {
    const response = await relais.call('teacher.01', 'GET', '/api/stats/catalogue');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ status: 403, code: expect.any(String) });
  });
});
