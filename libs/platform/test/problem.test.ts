import {
  Problem,
  badRequest,
  conflict,
  forbidden,
  notFound,
  payloadTooLarge,
  problemTypeUri,
  scrubMessage,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
} from '../src';

describe('Problem', () => {
  it('serialises to an RFC 9457 document with a type URI derived from the code', () => {
    const problem = badRequest('COURSE_CLOSED', 'This course no longer accepts enrollments.', {
      courseStatus: 'closed',
    });
    expect(problem).toBeInstanceOf(Error);
    expect(problem.toJSON()).toEqual({
      type: 'https://relais.example/problems/course-closed',
      title: 'Bad Request',
      status: 400,
      detail: 'This course no longer accepts enrollments.',
      code: 'COURSE_CLOSED',
      courseStatus: 'closed',
    });
  });

  it.each([
    [unauthorized('TOKEN_MISSING', 'd'), 401, 'Unauthorized'],
    [forbidden('ROLE_NOT_ALLOWED', 'd'), 403, 'Forbidden'],
    [notFound('COURSE_NOT_FOUND', 'd'), 404, 'Not Found'],
    [conflict('COURSE_FULL', 'd'), 409, 'Conflict'],
    [payloadTooLarge('BODY_TOO_LARGE', 'd'), 413, 'Payload Too Large'],
    [tooManyRequests('SLOW_DOWN', 'd'), 429, 'Too Many Requests'],
    [serviceUnavailable('BUS_DOWN', 'd'), 503, 'Service Unavailable'],
  ])('factory builds status %#', (problem, status, title) => {
    expect(problem.status).toBe(status);
    expect(problem.title).toBe(title);
  });

  it('carries Retry-After and WWW-Authenticate headers where HTTP expects them', () => {
    expect(tooManyRequests('SLOW_DOWN', 'd', 2.5).headers).toEqual({ 'Retry-After': '3' });
    expect(serviceUnavailable('BUS_DOWN', 'd').headers).toEqual({});
    expect(unauthorized('TOKEN_MISSING', 'd').headers['WWW-Authenticate']).toMatch(/^Bearer /);
  });

  it('refuses unstable codes, non-error statuses and extensions that shadow standard members', () => {
    expect(() => badRequest('courseClosed', 'd')).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => new Problem({ status: 200, code: 'OK', detail: 'd' })).toThrow(/400-599/);
    expect(() => badRequest('X', 'd', { status: 200 })).toThrow(/may not redefine status/);
  });

  it('maps codes to kebab-case type URIs', () => {
    expect(problemTypeUri('UNKNOWN_FIELDS')).toBe('https://relais.example/problems/unknown-fields');
  });
});

describe('scrubMessage', () => {
  it('removes emails, ids, school codes, quoted values, numbers and URLs', () => {
    const scrubbed = scrubMessage(
      'E11000 duplicate key { email: "jeanne.martin@example.org" } for 0690001A, user 3f2b9c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f ' +
        'at mongodb://admin:pw@mongo:27017/relais, doc 65f0c0ffee0000000000beef',
    );
    for (const value of ['jeanne', '0690001A', '3f2b9c4e', 'admin:pw', '65f0c0ffee', '27017']) {
      expect(scrubbed).not.toContain(value);
    }
    expect(scrubbed).toContain('duplicate key');
  });

  it('caps the length', () => {
    expect(scrubMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(201);
  });
});
