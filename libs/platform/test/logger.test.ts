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

  it('honours the level', () => {
    const quiet = capturingLogger();
    quiet.logger.level = 'warn';
    quiet.logger.info('hidden');
    quiet.logger.warn('shown');
    expect(quiet.records().map((record) => record.msg)).toEqual(['shown']);
  });
});
