import { capturingLog } from '../mothers/capturing-log';
import {
  PERSONAL_FIELDS,
  type PersonalDataDeclaration,
  type PersonalField,
  type RetentionRule,
} from '@relais/platform';
import type { CourseRepository } from '../../src/application/ports';
import { RetentionUseCases } from '../../src/application/retention';
import { enrollmentRetentionJob } from '../../src/application/retention-job';
import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';
import { erasureRequestsFixture } from '../mothers/erasure-requests-mother';
import { InMemoryErasureRequestStore } from '../../src/infrastructure/memory/in-memory-erasure-requests';

const expiredCourse = () =>
  CourseMother.open({
    status: 'closed',
    closedOn: '2020-12-06',
    participants: [ParticipantMother.enrolled({ name: 'Camille Durand', school: '0690001A' })],
  });

describe('the enrollment retention job', () => {
  it('deletes the audit records of erasures requested three years ago or more, not the younger ones', async () => {
    const store = new InMemoryErasureRequestStore(new Map());
    const at = (iso: string) => new Date(iso);
    const { requests } = erasureRequestsFixture({ store, clock: { now: () => at('2023-12-06T23:59:59Z') } });
    await requests.request(
      { personId: 'p-old', reason: 'Départ à la retraite', source: 'administrator', requestedBy: 'ops-1' },
      'c1',
    );
    const young = erasureRequestsFixture({ store, clock: { now: () => at('2023-12-07T00:00:00Z') } });
    await young.requests.request(
      { personId: 'p-young', reason: 'Compte supprimé', source: 'identity-provider', requestedBy: null },
      'c2',
    );
    const log = capturingLog();
    const job = enrollmentRetentionJob(new RetentionUseCases(new InMemoryCourseRepository()), requests, log, {
      clock: () => at('2026-12-07T08:00:00Z'),
    });

    await job.runOnce();
    await job.runOnce();

    expect(
      log.lines.map(
        (line) => (line.fields['purged'] as { erasureRequestsDeleted: number }).erasureRequestsDeleted,
      ),
    ).toEqual([1, 0]);
    expect((await store.latest(10)).map((record) => record.reason)).toEqual(['Compte supprimé']);
  });

  it('purges on the day of its clock and writes one line of counts, naming no one', async () => {
    const courses = new InMemoryCourseRepository();
    const course = expiredCourse();
    await courses.insert(course, []);
    const log = capturingLog();
    const job = enrollmentRetentionJob(
      new RetentionUseCases(courses),
      erasureRequestsFixture().requests,
      log,
      {
        clock: () => new Date('2026-12-07T23:30:00Z'),
      },
    );

    await job.runOnce();

    expect(log.lines).toEqual([
      {
        level: 'info',
        message: 'retention pass',
        fields: {
          day: '2026-12-07',
          purged: {
            closingDaysRecorded: 0,
            coursesAnonymised: 1,
            enrollments: 1,
            attestations: 0,
            trainerMemberships: 1,
            supersededRevisionsDropped: 0,
            pendingEventsDropped: 0,
            coursesDeferred: 0,
            erasureRequestsDeleted: 0,
          },
        },
      },
    ]);
    const written = JSON.stringify(log.lines);
    for (const held of [course.id, 'Camille Durand', '0690001A', 'Alice Martin', 'trainer-alice']) {
      expect(written).not.toContain(held);
    }
    expect(
      Object.keys(log.lines[0]?.fields ?? {}).filter((key) => PERSONAL_FIELDS.includes(key as never)),
    ).toEqual([]);
  });

  it('keeps a record the day before its cutoff by the clock, and purges it the day after', async () => {
    const courses = new InMemoryCourseRepository();
    await courses.insert(expiredCourse(), []);
    let now = new Date('2026-12-06T12:00:00Z');
    const log = capturingLog();
    const job = enrollmentRetentionJob(
      new RetentionUseCases(courses),
      erasureRequestsFixture().requests,
      log,
      { clock: () => now },
    );

    await job.runOnce();
    now = new Date('2026-12-07T00:00:00Z');
    await job.runOnce();

    expect(
      log.lines.map((line) => (line.fields['purged'] as { coursesAnonymised: number }).coursesAnonymised),
    ).toEqual([0, 1]);
  });

  it('warns with the error’s type only when a pass fails, and tries again on the next', async () => {
    const courses = new InMemoryCourseRepository();
    let failures = 1;
    const failing: CourseRepository = Object.create(courses, {
      closedWithoutClosingDay: {
        value: async () => {
          if (failures-- > 0) throw new TypeError('cannot read course of Camille Durand');
          return courses.closedWithoutClosingDay();
        },
      },
    });
    const log = capturingLog();
    const job = enrollmentRetentionJob(
      new RetentionUseCases(failing),
      erasureRequestsFixture().requests,
      log,
      {
        clock: () => new Date('2026-12-07T12:00:00Z'),
      },
    );

    await job.runOnce();
    await job.runOnce();

    expect(log.lines.map(({ level, fields, message }) => [level, message, fields['reason']])).toEqual([
      ['warn', 'a retention pass failed', 'TypeError'],
      ['info', 'retention pass', undefined],
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('Camille');
  });

  it('runs a first pass when started, and stop waits for it', async () => {
    const log = capturingLog();
    const job = enrollmentRetentionJob(
      new RetentionUseCases(new InMemoryCourseRepository()),
      erasureRequestsFixture().requests,
      log,
      {
        clock: () => new Date('2026-12-07T12:00:00Z'),
      },
    );

    job.start();
    await job.stop();

    expect(log.lines.map((line) => line.message)).toEqual(['retention pass']);
  });

  it('refuses to start on a declaration that gives the kinds of a course record different rules', () => {
    const courses = new InMemoryCourseRepository();
    const declaration: PersonalDataDeclaration = {
      service: 'enrollment',
      label: 'test',
      kinds: [
        { kind: 'enrollments', label: '', fields: { name: field('trainingRecord') } },
        { kind: 'attestations', label: '', fields: { code: field('trainingRecord') } },
        { kind: 'trained-courses', label: '', fields: { name: field('whileMember') } },
        { kind: 'pending-events', label: '', fields: { type: field('pendingDelivery') } },
      ],
    };

    expect(() => new RetentionUseCases(courses, declaration)).toThrow('give them one rule');
    const undeclared = { ...declaration, kinds: declaration.kinds.slice(0, 2) };
    expect(() => new RetentionUseCases(courses, undeclared)).toThrow(
      '"trained-courses", which is not declared',
    );
  });
});

function field(retention: RetentionRule): PersonalField {
  return { label: '', purpose: '', legalBasis: 'publicTask', retention };
}
