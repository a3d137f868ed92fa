import { randomBytes } from 'node:crypto';
import type { PersonalDataExport } from '@relais/platform';
import { demoRealmFile, startServiceHarness, userIdOf, type ServiceHarness } from '@relais/testing';
import { createInMemoryEnrollmentService, type EnrollmentModule } from '../../src/index';
import { lyonCourse } from './enrollment-harness';

/**
 * Erasure (ADR 0033) as the service module offers it to the erasure event's consumer, seen from the
 * API afterwards: "Mes données", the public verification page, and the other members' views.
 */
describe('erasure through the enrollment module, as the API shows it afterwards', () => {
  let harness: ServiceHarness;
  let enrollment: EnrollmentModule;
  const call = async (user: string | undefined, method: string, path: string, body?: unknown) => {
    const response = await harness.call(user, method, `/api/enrollment${path}`, body);
    if (response.status >= 300) throw new Error(`${method} ${path} as ${user}: ${response.status}`);
    return response.body;
  };
  const verify = (code: string) => harness.call(undefined, 'GET', `/api/enrollment/verify/${code}`);

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => {
      enrollment = createInMemoryEnrollmentService({
        verifier: verifierFor('relais-enrollment'),
        realmFile: demoRealmFile,
        countingKey: randomBytes(32).toString('base64url'),
      });
      return [enrollment];
    });
  });
  afterAll(async () => harness.stop());

  it('answers his attestation code as an unknown one, empties his export, and leaves the others', async () => {
    const { id } = await call('manager.lyon', 'POST', '/courses', lyonCourse({ title: 'Lire au CP' }));
    for (const teacher of ['teacher.01', 'teacher.02']) {
      await call(teacher, 'POST', `/courses/${id}/enrollments`);
      await call('trainer.alice', 'PUT', `/courses/${id}/enrollments/${userIdOf(teacher)}/completion`, {
        completed: true,
      });
    }
    const codeOf = async (teacher: string) =>
      (await call(teacher, 'GET', '/me/attestations')).attestations[0].code as string;
    const [his, hers] = [await codeOf('teacher.01'), await codeOf('teacher.02')];
    const unknown = await verify('ZZZZ-ZZZZ-ZZZZ-ZZZZ');

    const counts = await enrollment.erasure.forgetPerson(userIdOf('teacher.01'));

    expect(counts).toMatchObject({ coursesChanged: 1, enrollments: 1, attestations: 1 });
    const answer = await verify(his);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: unknown.status,
      body: unknown.body,
    });
    expect(answer.status).toBe(404);
    expect((await verify(hers)).status).toBe(200);
    const exported: PersonalDataExport = await call('teacher.01', 'GET', '/me/data');
    expect(exported.kinds.length).toBeGreaterThan(0);
    for (const kind of exported.kinds) expect(kind.records).toEqual([]);
    const seen = await call('trainer.alice', 'GET', `/courses/${id}/participants`);
    expect(seen.map((person: { userId: string }) => person.userId)).toEqual([
      userIdOf('trainer.alice'),
      userIdOf('teacher.02'),
    ]);
  });
});
