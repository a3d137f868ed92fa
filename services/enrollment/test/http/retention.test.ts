import { randomBytes } from 'node:crypto';
import type { PersonalDataExport } from '@relais/platform';
import { demoRealmFile, startServiceHarness, userIdOf, type ServiceHarness } from '@relais/testing';
import { createInMemoryEnrollmentService, type EnrollmentModule } from '../../src/index';
import { lyonCourse } from './enrollment-harness';

/**
 * Issue 19, point 5: the schedule enforced by the service's own job, seen from outside: what "Mes
 * données" shows and what the public verification page answers once a course's record is past it.
 */
describe('the retention schedule, as the API shows it afterwards', () => {
  let harness: ServiceHarness;
  let enrollment: EnrollmentModule;
  let now = new Date('2020-06-01T09:00:00Z');
  const at = (instant: string) => {
    now = new Date(instant);
  };
  const call = async (user: string | undefined, method: string, path: string, body?: unknown) => {
    const response = await harness.call(user, method, `/api/enrollment${path}`, body);
    if (response.status >= 300) throw new Error(`${method} ${path} as ${user}: ${response.status}`);
    return response.body;
  };
  const recordsOf = (exported: PersonalDataExport, kind: string) =>
    exported.kinds.find((candidate) => candidate.kind === kind)?.records ?? [];
  const verify = (code: string) => harness.call(undefined, 'GET', `/api/enrollment/verify/${code}`);

  let expired: string;
  let kept: string;
  let codes: Map<string, string>;

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => {
      enrollment = createInMemoryEnrollmentService({
        verifier: verifierFor('relais-enrollment'),
        realmFile: demoRealmFile,
        countingKey: randomBytes(32).toString('base64url'),
        clock: { now: () => now },
        retentionIntervalMs: 24 * 60 * 60 * 1000,
      });
      return [enrollment];
    });
    const completedCourse = async (title: string, closedAt: string) => {
      at('2020-06-01T09:00:00Z');
      const { id } = await call('manager.lyon', 'POST', '/courses', lyonCourse({ title }));
      await call('teacher.01', 'POST', `/courses/${id}/enrollments`);
      await call('trainer.alice', 'PUT', `/courses/${id}/enrollments/${userIdOf('teacher.01')}/completion`, {
        completed: true,
      });
      at(closedAt);
      await call('manager.lyon', 'PATCH', `/courses/${id}`, { status: 'closed' });
      return id as string;
    };
    // Six years after the day before the pass's cutoff, and after the cutoff day itself.
    expired = await completedCourse('Lire au CP', '2020-12-06T16:00:00Z');
    kept = await completedCourse('Compter au CE1', '2020-12-07T08:00:00Z');
    const { attestations } = await call('teacher.01', 'GET', '/me/attestations');
    codes = new Map(attestations.map((one: { courseId: string; code: string }) => [one.courseId, one.code]));

    at('2026-12-07T02:00:00Z');
    await enrollment.runRetentionOnce();
  });
  afterAll(async () => harness.stop());

  it('shows the teacher only the enrollment and attestation still kept', async () => {
    const exported: PersonalDataExport = await call('teacher.01', 'GET', '/me/data');

    expect(recordsOf(exported, 'enrollments')).toEqual([
      expect.objectContaining({ courseId: kept, status: 'formation terminée', creditedHours: 9 }),
    ]);
    expect(recordsOf(exported, 'attestations')).toEqual([
      expect.objectContaining({ courseId: kept, code: codes.get(kept) }),
    ]);
  });

  it('shows the trainer only the course still kept', async () => {
    const exported: PersonalDataExport = await call('trainer.alice', 'GET', '/me/data');

    expect(recordsOf(exported, 'trained-courses').map((record) => record['courseId'])).toEqual([kept]);
  });

  it('answers the code of an anonymised record as an unknown code, and the kept one as valid', async () => {
    const anonymised = await verify(codes.get(expired) ?? '');
    const unknown = await verify('ZZZZ-ZZZZ-ZZZZ-ZZZZ');

    expect(anonymised.status).toBe(404);
    expect(anonymised.body).toEqual(unknown.body);
    expect(anonymised.body.code).toBe('ATTESTATION_NOT_FOUND');
    expect(await verify(codes.get(kept) ?? '')).toMatchObject({
      status: 200,
      body: { courseTitle: 'Compter au CE1' },
    });
  });

  it('keeps the course itself, naming no one, for its academy’s managers', async () => {
    const course = await call('manager.lyon', 'GET', `/courses/${expired}`);

    expect(course).toMatchObject({ title: 'Lire au CP', status: 'closed', trainers: [] });
  });
});
