import { userIdOf } from '@relais/testing';
import { startTestStandalone, type StandaloneUnderTest } from './support/standalone-fixture';

/** Bad input anywhere gets a 4xx problem+json that says what to fix, never a 500 or a stack. */
describe('bad input in standalone mode', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  const validCourse = () => ({
    title: 'Teaching reading',
    academy: 'lyon',
    themes: ['reading'],
    predictedHours: 9,
    trainerIds: [userIdOf('trainer.alice')],
  });

  async function post(body: string, contentType = 'application/json') {
    const response = await fetch(`${relais.standalone.baseUrl}/api/enrollment/courses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await relais.token('manager.lyon')}`, 'content-type': contentType },
      body,
    });
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(JSON.stringify(problem)).not.toMatch(/\s+at\s.+\.(ts|js):\d+/);
    return { status: response.status, problem };
  }

  it.each([
    ['malformed JSON', '{"title": ', 400, 'MALFORMED_JSON'],
    ['an unknown field', JSON.stringify({ ...validCourse(), timeSpent: 12 }), 400, 'UNKNOWN_FIELDS'],
    ['a wrong type', JSON.stringify({ ...validCourse(), predictedHours: 'nine' }), 400, 'VALIDATION_FAILED'],
    [
      'hours out of range',
      JSON.stringify({ ...validCourse(), predictedHours: 500 }),
      400,
      'VALIDATION_FAILED',
    ],
    ['an empty title', JSON.stringify({ ...validCourse(), title: '  ' }), 400, 'VALIDATION_FAILED'],
    [
      'a trainer id that is not a UUID',
      JSON.stringify({ ...validCourse(), trainerIds: ['nobody'] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown trainer',
      JSON.stringify({ ...validCourse(), trainerIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'TRAINER_NOT_FOUND',
    ],
    ['another academy', JSON.stringify({ ...validCourse(), academy: 'grenoble' }), 403, 'OTHER_ACADEMY'],
    [
      'an oversized body',
      JSON.stringify({ ...validCourse(), description: 'x'.repeat(200_000) }),
      413,
      'BODY_TOO_LARGE',
    ],
  ])('%s → %i %s', async (_case, body, status, code) => {
    const { status: actual, problem } = await post(body);
    expect({ status: actual, code: problem['code'] }).toEqual({ status, code });
    expect(String(problem['detail']).length).toBeGreaterThan(10);
  });

  it('names the unknown field and says only documented fields are accepted', async () => {
    const { problem } = await post(JSON.stringify({ ...validCourse(), clicks: 3 }));
    expect(String(problem['detail'])).toContain('clicks');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await relais.call(undefined, 'GET', '/api/enrollment/nowhere');
    expect(response).toMatchObject({ status: 404, body: { status: 404, code: 'ROUTE_NOT_FOUND' } });
  });

  it('hides courses the caller may not see behind 404', async () => {
    const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', validCourse());
    const response = await relais.call(
      'teacher.g01',
      'POST',
      `/api/enrollment/courses/${created.body.id}/enrollments`,
    );
    expect(response).toMatchObject({ status: 404, body: { code: 'COURSE_NOT_FOUND' } });
  });
});
