import { randomBytes } from 'node:crypto';
import type { PersonalDataExport } from '@relais/platform';
import {
  demoRealmFile,
  exportMentions,
  gapsInExport,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import type { TrainerDirectory } from '../../src/application/ports';
import { enrollmentPersonalData } from '../../src/application/personal-data';
import { ERASURE_REQUESTS, erasureRequestsKind } from '../../src/application/erasure-requests-personal-data';

/** What a teacher can have: every kind but the erasures only administrators request. */
const teacherDeclaration = {
  ...enrollmentPersonalData,
  kinds: enrollmentPersonalData.kinds.filter((kind) => kind.kind !== ERASURE_REQUESTS),
};
import { createEnrollmentService, inMemoryAdapters } from '../../src/index';
import { lyonCourse } from './enrollment-harness';

/**
 * No demo user is both teacher and trainer; the directory here also lists teacher.01 as a trainer of
 * Lyon (a teacher who trains a course of his academy), so that one person can use every feature.
 */
function withTeacherWhoTrains(directory: TrainerDirectory): TrainerDirectory {
  const teacherWhoTrains = { userId: userIdOf('teacher.01'), name: 'Camille Martin', academy: 'lyon' };
  return {
    findTrainers: async (ids) => [
      ...(await directory.findTrainers(ids)),
      ...(ids.includes(teacherWhoTrains.userId) ? [teacherWhoTrains] : []),
    ],
    trainersOf: async (academy) => [
      ...(await directory.trainersOf(academy)),
      ...(academy === teacherWhoTrains.academy ? [teacherWhoTrains] : []),
    ],
  };
}

function startWithoutRelay(): Promise<ServiceHarness> {
  return startServiceHarness((verifierFor) => {
    const ports = inMemoryAdapters({
      verifier: verifierFor('relais-enrollment'),
      realmFile: demoRealmFile,
      countingKey: randomBytes(32).toString('base64url'),
    });
    const service = createEnrollmentService({ ...ports, trainers: withTeacherWhoTrains(ports.trainers) });
    // No relay: the events stay in the outbox, as while the broker is away.
    return [{ ...service, outboxStores: [] }];
  });
}

describe('GET /api/enrollment/me/data', () => {
  let harness: ServiceHarness;
  const call = async (user: string | undefined, method: string, path: string, body?: unknown) => {
    const response = await harness.call(user, method, `/api/enrollment${path}`, body);
    if (response.status >= 300) throw new Error(`${method} ${path} as ${user}: ${response.status}`);
    return response.body;
  };
  const myData = async (user: string): Promise<PersonalDataExport> => call(user, 'GET', '/me/data');
  const recordsOf = (exported: PersonalDataExport, kind: string) =>
    exported.kinds.find((candidate) => candidate.kind === kind)?.records;

  let trained: string;
  let completedThenLeft: string;
  let enrolled: string;
  let otherTeachersCode: string;

  beforeAll(async () => {
    harness = await startWithoutRelay();
    trained = (
      await call('manager.lyon', 'POST', '/courses', {
        ...lyonCourse({ title: 'Écrire au cycle 3' }),
        trainerIds: [userIdOf('teacher.01')],
      })
    ).id;
    completedThenLeft = (await call('manager.lyon', 'POST', '/courses', lyonCourse({ title: 'Lire au CP' })))
      .id;
    enrolled = (await call('manager.lyon', 'POST', '/courses', lyonCourse({ title: 'Compter en CE1' }))).id;
    for (const teacher of ['teacher.01', 'teacher.02']) {
      await call(teacher, 'POST', `/courses/${completedThenLeft}/enrollments`);
      await call(
        'trainer.alice',
        'PUT',
        `/courses/${completedThenLeft}/enrollments/${userIdOf(teacher)}/completion`,
        {
          completed: true,
        },
      );
    }
    await call('teacher.01', 'DELETE', `/courses/${completedThenLeft}/enrollments/me`);
    await call('teacher.01', 'POST', `/courses/${enrolled}/enrollments`);
    otherTeachersCode = (await call('teacher.02', 'GET', '/me/attestations')).attestations[0].code;
  });
  afterAll(async () => harness.stop());

  it('gives a person who used every feature every kind and every declared field', async () => {
    const exported = await myData('teacher.01');

    expect(gapsInExport(teacherDeclaration, exported)).toEqual([]);
  });

  it('gives an administrator the erasures he requested, never whom they erased', async () => {
    const erased = userIdOf('teacher.05');
    await call('ops.admin', 'POST', '/ops/erasures', {
      personId: erased,
      reason: 'Demande écrite au titre de l’article 17',
    });
    const exported = await myData('ops.admin');

    expect(gapsInExport({ ...enrollmentPersonalData, kinds: [erasureRequestsKind] }, exported)).toEqual([]);
    expect(recordsOf(exported, ERASURE_REQUESTS)).toEqual([
      {
        erasureId: expect.any(String),
        requestedAt: expect.any(String),
        reason: 'Demande écrite au titre de l’article 17',
      },
    ]);
    expect(JSON.stringify(exported)).not.toContain(erased);
    expect(recordsOf(await myData('teacher.01'), ERASURE_REQUESTS)).toEqual([]);
  });

  it('gives his enrollments, attestation and trainer membership as stored', async () => {
    const exported = await myData('teacher.01');
    const [attestation] = (await call('teacher.01', 'GET', '/me/attestations')).attestations;
    const asEnrolled = { name: 'Camille Martin', school: '0690001A', district: 'lyon-d1' };

    expect(recordsOf(exported, 'enrollments')).toEqual([
      {
        courseId: enrolled,
        title: 'Compter en CE1',
        ...asEnrolled,
        status: 'inscrit',
        withdrawn: false,
        creditedHours: 0,
      },
      {
        courseId: completedThenLeft,
        title: 'Lire au CP',
        ...asEnrolled,
        status: 'formation terminée',
        withdrawn: true,
        creditedHours: 9,
      },
    ]);
    expect(recordsOf(exported, 'attestations')).toEqual([
      {
        code: attestation.code,
        courseId: completedThenLeft,
        courseTitle: 'Lire au CP',
        teacherName: 'Camille Martin',
        academy: 'lyon',
        creditedHours: 9,
        completedOn: attestation.completedOn,
      },
    ]);
    expect(recordsOf(exported, 'trained-courses')).toEqual([
      { courseId: trained, title: 'Écrire au cycle 3', name: 'Camille Martin' },
    ]);
    // His own course's publication names him as trainer; the facts of the same saves name no one.
    expect(
      recordsOf(exported, 'pending-events')
        ?.map((event) => event['type'])
        .sort(),
    ).toEqual([
      'enrollment.completion.recorded.v1',
      'enrollment.course.published.v1',
      'enrollment.enrollment.created.v1',
      'enrollment.enrollment.created.v1',
      'enrollment.enrollment.withdrawn.v1',
    ]);
    expect(recordsOf(exported, 'pending-events')?.[0]?.['occurredOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives nothing of the other people of his courses', async () => {
    const exported = await myData('teacher.01');

    expect(exportMentions(exported, 'Julien Durand')).toBe(false);
    expect(exportMentions(exported, userIdOf('teacher.02'))).toBe(false);
    expect(exportMentions(exported, otherTeachersCode)).toBe(false);
    // The trainer's name is printed on his attestation, yet it is hers: the PDF shows it, not this.
    expect(exportMentions(exported, 'Alice Marchand')).toBe(false);
    expect(exportMentions(exported, userIdOf('trainer.alice'))).toBe(false);
  });

  it.each(['inspector.d1', 'manager.lyon'])(
    'lists every kind with no record for %s, who holds nothing here (a course records no author)',
    async (user) => {
      const exported = await myData(user);

      expect(exported.kinds.map((kind) => [kind.kind, kind.records])).toEqual(
        enrollmentPersonalData.kinds.map((kind) => [kind.kind, []]),
      );
    },
  );

  it('answers 401 without a token', async () => {
    const response = await harness.call(undefined, 'GET', '/api/enrollment/me/data');

    expect(response.status).toBe(401);
  });
});
