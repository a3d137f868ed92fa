import { capturingLogger } from './support/log-capture';

const PERSONAL_VALUES = [
  'Jeanne',
  'Martin',
  'jeanne.martin@example.org',
  'teacher.07',
  '0690002B',
  'user-42',
  'J’ai du mal',
];

describe('createLogger', () => {
  it('puts the service name and a level label on every line', () => {
    const { logger, records } = capturingLogger('enrollment');
    logger.info('started');
    logger.warn({ topic: 'enrollment.events.v1' }, 'lagging');
    expect(records()).toEqual([
      expect.objectContaining({ service: 'enrollment', level: 'info', msg: 'started' }),
      expect.objectContaining({ service: 'enrollment', level: 'warn', topic: 'enrollment.events.v1' }),
    ]);
  });

  it('removes personal fields at the top level and two levels down, keeping the rest', () => {
    const { logger, lines, records } = capturingLogger();
    logger.info(
      {
        given_name: 'Jeanne',
        family_name: 'Martin',
        email: 'jeanne.martin@example.org',
        courseId: 'course-1',
        user: { preferred_username: 'teacher.07', sub: 'user-42', school: '0690002B', roles: ['teacher'] },
        event: {
          data: {
            name: 'Jeanne Martin',
            userId: 'user-42',
            message: 'J’ai du mal',
            category: 'workload-time',
          },
        },
        participants: [{ name: 'Jeanne Martin' }],
      },
      'enrolled',
    );
    const output = lines.join('\n');
    for (const value of PERSONAL_VALUES) expect(output).not.toContain(value);
    expect(records()[0]).toMatchObject({
      courseId: 'course-1',
      user: { roles: ['teacher'] },
      event: { data: { category: 'workload-time' } },
      msg: 'enrolled',
    });
  });

  it('removes credentials from header maps and bodies from request objects', () => {
    const { logger, lines, records } = capturingLogger();
    logger.info({
      req: {
        method: 'POST',
        headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'session=abc', accept: 'application/json' },
        body: { message: 'J’ai du mal' },
      },
      res: { headers: { 'set-cookie': 'session=abc' } },
    });
    const output = lines.join('\n');
    for (const secret of ['eyJhbGciOi', 'session=abc', 'J’ai du mal']) expect(output).not.toContain(secret);
    expect(records()[0]).toMatchObject({ req: { method: 'POST', headers: { accept: 'application/json' } } });
  });

  it("removes personal fields at any depth, inside arrays too, and leaves the caller's object as it was", () => {
    const { logger, lines, records } = capturingLogger();
    const logged = {
      batch: {
        events: [{ envelope: { data: { teacher: { email: 'jeanne.martin@example.org', grade: 'A' } } } }],
      },
    };
    logger.info(logged, 'batch');
    expect(lines.join('\n')).not.toContain('jeanne.martin@example.org');
    expect(records()[0]).toMatchObject({
      batch: { events: [{ envelope: { data: { teacher: { grade: 'A' } } } }] },
    });
    expect(logged.batch.events[0]?.envelope.data.teacher.email).toBe('jeanne.martin@example.org');
  });

  it('logs an error as its type, stack frames and own fields, never its message', () => {
    const { logger, lines, records } = capturingLogger();
    const cause = new Error('duplicate key { email: "jeanne.martin@example.org" }');
    const error = Object.assign(new Error('cannot enrol Jeanne Martin', { cause }), {
      code: 'E_ENROL',
      userId: 'user-42',
    });
    logger.error({ err: error }, 'enrolment failed');
    const output = lines.join('\n');
    for (const value of PERSONAL_VALUES) expect(output).not.toContain(value);
    expect(output).not.toContain('cannot enrol');
    expect(records()[0]).toMatchObject({
      err: {
        type: 'Error',
        code: 'E_ENROL',
        stack: expect.stringMatching(/^at /),
        cause: { type: 'Error', stack: expect.stringMatching(/^at /) },
      },
    });
  });

  it('removes personal fields from the bindings of children and grandchildren', () => {
    const { logger, lines, records } = capturingLogger();
    logger
      .child({ courseId: 'course-1', user: { email: 'jeanne.martin@example.org' } })
      .child({ sub: 'user-42', step: 'enrol' })
      .info('bound');
    const output = lines.join('\n');
    for (const value of PERSONAL_VALUES) expect(output).not.toContain(value);
    expect(records()[0]).toMatchObject({ courseId: 'course-1', step: 'enrol', msg: 'bound' });
  });

  it('stops at a cycle or a very deep value instead of following it', () => {
    const { logger, records } = capturingLogger();
    const cyclic: Record<string, unknown> = { courseId: 'course-1' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { courseId: 'course-2' };
    for (let level = 0; level < 20; level += 1) deep = { deeper: deep };
    logger.info({ cyclic, deep }, 'cycle');
    expect(records()[0]).toMatchObject({ cyclic: { courseId: 'course-1', self: '[circular]' } });
    expect(JSON.stringify(records()[0])).toContain('[too deep]');
  });

  it('honours the level', () => {
    const quiet = capturingLogger();
    quiet.logger.level = 'warn';
    quiet.logger.info('hidden');
    quiet.logger.warn('shown');
    expect(quiet.records().map((record) => record.msg)).toEqual(['shown']);
  });
});
