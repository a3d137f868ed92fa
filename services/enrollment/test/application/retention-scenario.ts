import { randomUUID } from 'node:crypto';
import { retentionCutoff } from '@relais/platform';
import { EnrollmentUseCases, type RequestContext } from '../../src/application/enrollment-use-cases';
import { AttestationNotFound } from '../../src/application/errors';
import { ParticipationFacts } from '../../src/application/participation-facts';
import {
  ATTESTATIONS,
  ENROLLMENTS,
  PENDING_EVENTS,
  TRAINED_COURSES,
} from '../../src/application/personal-data';
import type { CourseRepository, ParticipationCounter } from '../../src/application/ports';
import { RetentionUseCases, type PurgeCounts } from '../../src/application/retention';
import { CourseMother } from '../mothers/course-mother';

export interface RetentionStores {
  courses: CourseRepository;
  counter: ParticipationCounter;
  /** Drops what `open` made: each test starts from an empty store, so that counts are exact. */
  close(): Promise<void>;
}

const trainer = { userId: 'trainer-alice', name: 'Alice Martin', academy: 'lyon' };
const trainerContext: RequestContext = {
  actor: { id: trainer.userId, name: trainer.name, academy: 'lyon' },
  correlationId: 't',
};
const manager: RequestContext = {
  actor: { id: 'manager', name: 'Hélène Rousseau', academy: 'lyon' },
  correlationId: 'm',
};
const teacher = (name: string): RequestContext => ({
  actor: { id: `teacher-${name}`, name, academy: 'lyon', district: 'lyon-d1', school: '0690001A' },
  correlationId: `c-${name}`,
});
const inspector = { id: 'inspector-d1', name: 'Inspector', academy: 'lyon', district: 'lyon-d1' };

/** The schedule's six years, counted back from the day of the pass: '2020-12-07' for this one. */
const today = '2026-12-07';
const cutoff = retentionCutoff('trainingRecord', today);

const nothingDone: PurgeCounts = {
  closingDaysRecorded: 0,
  coursesAnonymised: 0,
  enrollments: 0,
  attestations: 0,
  trainerMemberships: 0,
  supersededRevisionsDropped: 0,
  pendingEventsDropped: 0,
  coursesDeferred: 0,
};

/**
 * The retention job's use case on a store, with an injected clock: run on the in-memory adapters and
 * on the real database, since what it finds and saves depends on the store's queries.
 */
export function describeRetentionScenario(adapterName: string, open: () => Promise<RetentionStores>): void {
  describe(`retention of enrollment's records (ADR 0032): ${adapterName}`, () => {
    let stores: RetentionStores;
    let now: Date;
    let useCases: EnrollmentUseCases;
    let retention: RetentionUseCases;
    const marked: string[] = [];

    beforeEach(async () => {
      stores = await open();
      marked.length = 0;
      const counter: ParticipationCounter = {
        alreadyCounted: (tokens) => stores.counter.alreadyCounted(tokens),
        markCounted: async (tokens) => {
          marked.push(...tokens);
          await stores.counter.markCounted(tokens);
        },
      };
      useCases = new EnrollmentUseCases(
        stores.courses,
        {
          findTrainers: async (ids) => ids.filter((id) => id === trainer.userId).map(() => trainer),
          trainersOf: async (academy) => (trainer.academy === academy ? [trainer] : []),
        },
        new ParticipationFacts(counter, 'a-test-counting-key-of-32-characters!'),
        { now: () => now },
        randomUUID,
      );
      retention = new RetentionUseCases(stores.courses);
    });
    afterEach(async () => stores.close());

    const at = (instant: string) => {
      now = new Date(instant);
    };

    /**
     * A course given in 2020 and closed on `closedOn` at 10:00 UTC: `stays` completes it, `leaves`
     * completes it then withdraws, `enrolled` is only enrolled.
     */
    async function courseClosedOn(
      closedOn: string,
      title: string,
      people: { stays: RequestContext; leaves: RequestContext; enrolled: RequestContext },
    ) {
      at('2020-06-01T09:00:00Z');
      const course = await useCases.createCourse(manager, {
        title,
        academy: 'lyon',
        themes: ['reading'],
        predictedHours: 9,
        trainerIds: [trainer.userId],
        districts: ['lyon-d1'],
      });
      for (const one of [people.stays, people.leaves, people.enrolled])
        await useCases.enrollSelf(one, course.id);
      for (const one of [people.stays, people.leaves]) {
        await useCases.setCompletion(trainerContext, course.id, one.actor.id, true);
      }
      await useCases.withdrawSelf(people.leaves, course.id);
      at(`${closedOn}T10:00:00Z`);
      await useCases.updateCourse(manager, course.id, { status: 'closed' });
      const attestation = (await useCases.myAttestations(people.stays.actor)).find(
        (candidate) => candidate.courseId === course.id,
      );
      return { course, code: attestation?.code ?? '' };
    }

    /** Every pending event naming one of them, each once: what the outbox holds of people. */
    async function pendingNaming(people: readonly RequestContext[]): Promise<number> {
      const events = await Promise.all(
        people.map(({ actor }) => stores.courses.pendingEventsNaming(actor.id)),
      );
      const trainerEvents = await stores.courses.pendingEventsNaming(trainer.userId);
      return new Set([...events.flat(), ...trainerEvents].map((event) => event.envelope.id)).size;
    }

    it('anonymises the record of a course closed the day before the cutoff, and keeps the one closed on it', async () => {
      expect(cutoff).toBe('2020-12-07');
      const [camille, dominique, julien] = [teacher('Camille'), teacher('Dominique'), teacher('Julien')];
      const people = { stays: camille, leaves: dominique, enrolled: julien };
      const expired = await courseClosedOn('2020-12-06', 'Lire au CP', people);
      const kept = await courseClosedOn('2020-12-07', 'Compter au CE1', people);
      at('2026-11-20T09:00:00Z');
      const open = await useCases.createCourse(manager, {
        title: 'Écrire au CM1',
        academy: 'lyon',
        themes: ['writing'],
        predictedHours: 6,
        trainerIds: [trainer.userId],
      });
      await useCases.enrollSelf(camille, open.id);
      // The relay never ran: every event of 2020 waited past its month; facts name no one.
      const pendingBefore = await pendingNaming([camille, dominique, julien]);
      const counted = [...marked];

      at(`${today}T03:00:00Z`);
      const counts = await retention.purgeExpired(today);

      expect(counts).toEqual({
        ...nothingDone,
        coursesAnonymised: 1,
        enrollments: 3,
        attestations: 2,
        trainerMemberships: 1,
        // Those of 20 November are younger than the month pending events may wait: they stay.
        pendingEventsDropped: pendingBefore - (await pendingNaming([camille, dominique, julien])),
      });
      expect(counts.pendingEventsDropped).toBeGreaterThan(0);
      expect(await stores.courses.pendingEventsNaming(dominique.actor.id)).toEqual([]);

      // The course stays, naming no one; the other two are as they were.
      const anonymised = await useCases.visibleCourse(manager.actor, expired.course.id, true);
      expect(anonymised).toMatchObject({
        title: 'Lire au CP',
        status: 'closed',
        closedOn: '2020-12-06',
        recordAnonymisedOn: today,
        trainers: [],
        participants: [],
        formerParticipants: [],
      });
      expect(await useCases.visibleCourse(manager.actor, kept.course.id, true)).toMatchObject({
        closedOn: '2020-12-07',
        trainers: [{ userId: trainer.userId, name: trainer.name }],
        participants: [
          expect.objectContaining({ name: 'Camille' }),
          expect.objectContaining({ name: 'Julien' }),
        ],
        formerParticipants: [expect.objectContaining({ name: 'Dominique' })],
      });
      expect((await useCases.visibleCourse(manager.actor, open.id, true)).participants).toHaveLength(1);

      // Its attestations no longer verify; those of the course kept still do.
      await expect(useCases.verify(expired.code)).rejects.toBeInstanceOf(AttestationNotFound);
      expect(await useCases.verify(kept.code)).toMatchObject({ teacherName: 'Camille' });

      // The export of each person shows what remains of him, and only that.
      const held = await useCases.personalData(camille.actor);
      expect(held[ENROLLMENTS]?.map((record) => record['courseId'])).toEqual([kept.course.id, open.id]);
      expect(held[ATTESTATIONS]?.map((record) => record['courseId'])).toEqual([kept.course.id]);
      const leaverHeld = await useCases.personalData(dominique.actor);
      expect(leaverHeld[ENROLLMENTS]).toEqual([
        expect.objectContaining({ courseId: kept.course.id, withdrawn: true }),
      ]);
      expect(leaverHeld[PENDING_EVENTS]).toEqual([]);
      const trainerHeld = await useCases.personalData(trainerContext.actor);
      expect(trainerHeld[TRAINED_COURSES]?.map((record) => record['courseId'])).toEqual([
        kept.course.id,
        open.id,
      ]);
      expect((await useCases.myEnrollments(julien.actor)).enrollments.map((view) => view.courseId)).toEqual([
        kept.course.id,
      ]);
      const overview = await useCases.districtOverview(inspector, 'lyon-d1');
      expect(overview.find((view) => view.courseId === expired.course.id)).toEqual({
        courseId: expired.course.id,
        title: 'Lire au CP',
        trainers: [],
        teachers: [],
      });

      // The counted cells are anonymous tokens: all still there, none was touched.
      expect(counted.length).toBeGreaterThan(0);
      expect((await stores.counter.alreadyCounted(counted)).size).toBe(counted.length);
    });

    it('purges nothing more when it runs again, nor when two replicas run at once', async () => {
      const people = { stays: teacher('Camille'), leaves: teacher('Dominique'), enrolled: teacher('Julien') };
      await courseClosedOn('2020-12-06', 'Lire au CP', people);
      await courseClosedOn('2020-12-05', 'Compter au CE1', people);

      const [first, second] = await Promise.all([
        retention.purgeExpired(today),
        retention.purgeExpired(today),
      ]);

      expect(first.coursesAnonymised + second.coursesAnonymised).toBe(2);
      expect(first.enrollments + second.enrollments).toBe(6);
      expect(first.coursesDeferred + second.coursesDeferred).toBe(0);
      expect(await retention.purgeExpired(today)).toEqual(nothingDone);
      expect(await retention.purgeExpired('2026-12-08')).toEqual(nothingDone);
    });

    it('dates a course closed before closing days were recorded the day it first sees it, and keeps it six years from then', async () => {
      const stays = teacher('Camille');
      const undated = CourseMother.open({
        status: 'closed',
        trainers: [{ userId: trainer.userId, name: trainer.name }],
        participants: [
          {
            userId: stays.actor.id,
            name: 'Camille',
            status: 'completed',
            creditedHours: 9,
          },
        ],
      });
      // Saved before courses recorded their closing day: no `closedOn`, and no event left pending.
      await stores.courses.insert(undated, []);

      expect(await retention.purgeExpired(today)).toEqual({ ...nothingDone, closingDaysRecorded: 1 });
      expect((await stores.courses.findById(undated.id))?.course.closedOn).toBe(today);
      expect(await retention.purgeExpired('2026-12-08')).toEqual(nothingDone);

      // Six years after that day, to the day, it is still kept; the day after, it is anonymised.
      expect(await retention.purgeExpired('2032-12-07')).toEqual(nothingDone);
      expect(await retention.purgeExpired('2032-12-08')).toEqual({
        ...nothingDone,
        coursesAnonymised: 1,
        enrollments: 1,
        trainerMemberships: 1,
      });
      expect((await useCases.personalData(stays.actor))[ENROLLMENTS]).toEqual([]);
    });

    it('leaves alone a course reopened since it was closed, and open courses', async () => {
      const people = { stays: teacher('Camille'), leaves: teacher('Dominique'), enrolled: teacher('Julien') };
      const { course } = await courseClosedOn('2020-12-06', 'Lire au CP', people);
      at('2021-01-04T10:00:00Z');
      await useCases.updateCourse(manager, course.id, { status: 'open' });

      expect((await retention.purgeExpired(today)).coursesAnonymised).toBe(0);
      expect((await stores.courses.findById(course.id))?.course.participants).toHaveLength(2);
    });

    it('refuses a day that is not one before writing anything', async () => {
      await stores.courses.insert(CourseMother.open({ status: 'closed' }), []);

      await expect(retention.purgeExpired('07/12/2026')).rejects.toThrow('is not a day');
      expect(await stores.courses.closedWithoutClosingDay()).toHaveLength(1);
    });
  });
}
