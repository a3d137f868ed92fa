import { randomUUID } from 'node:crypto';
import { EnrollmentUseCases } from '../../src/application/enrollment-use-cases';
import { AttestationNotFound } from '../../src/application/errors';
import { ParticipationFacts } from '../../src/application/participation-facts';
import type { CourseRepository, ParticipationCounter } from '../../src/application/ports';
import {
  ATTESTATIONS,
  ENROLLMENTS,
  PENDING_EVENTS,
  TRAINED_COURSES,
} from '../../src/application/personal-data';
import { DomainError } from '../../src/domain/domain-error';

const trainer = { userId: 'trainer-alice', name: 'Alice Martin', academy: 'lyon' };
const trainerContext = {
  actor: { id: trainer.userId, name: trainer.name, academy: 'lyon' },
  correlationId: 't',
};
const inspector = { id: 'inspector-d1', name: 'Inspector', academy: 'lyon', district: 'lyon-d1' };
const manager = { actor: { id: 'manager', name: 'Hélène Rousseau', academy: 'lyon' }, correlationId: 'c' };
const teacher = (index: number | string) => ({
  actor: {
    id: `teacher-${index}`,
    name: `Teacher ${index}`,
    academy: 'lyon',
    district: 'lyon-d1',
    school: '0690001A',
  },
  correlationId: `c-${index}`,
});

/**
 * Rules that only hold if the store holds them (under concurrency, or across its queries): run on the
 * in-memory adapters and on the real database.
 */
export function describeEnrollmentRulesUnderConcurrency(
  adapterName: string,
  open: () => Promise<{ courses: CourseRepository; counter: ParticipationCounter }>,
): void {
  describe(`enrollment rules under concurrency: ${adapterName}`, () => {
    let useCases: EnrollmentUseCases;
    beforeEach(async () => {
      const { courses, counter } = await open();
      useCases = new EnrollmentUseCases(
        courses,
        {
          findTrainers: async (ids) => ids.filter((id) => id === trainer.userId).map(() => trainer),
          trainersOf: async (academy) => (trainer.academy === academy ? [trainer] : []),
        },
        new ParticipationFacts(counter, 'a-test-counting-key-of-32-characters!'),
        { now: () => new Date('2026-11-28T10:00:00Z') },
        randomUUID,
      );
    });

    const newCourse = (capacity: number) =>
      useCases.createCourse(manager, {
        title: 'Teaching reading',
        description: '',
        academy: 'lyon',
        themes: ['reading'],
        predictedHours: 9,
        trainerIds: [trainer.userId],
        capacity,
      });

    it('never exceeds capacity, even with concurrent enrollments', async () => {
      const course = await newCourse(5);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, index) => useCases.enrollSelf(teacher(index), course.id)),
      );
      const enrolled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(enrolled).toHaveLength(5);
      expect(refused.every((reason) => reason instanceof DomainError && reason.code === 'COURSE_FULL')).toBe(
        true,
      );
      const stored = await useCases.visibleCourse(manager.actor, course.id, true);
      expect(stored.participants).toHaveLength(5);
    });

    it('enrolls a teacher once when he clicks twice at the same moment', async () => {
      const course = await newCourse(10);
      const [first, second] = await Promise.all([
        useCases.enrollSelf(teacher(1), course.id),
        useCases.enrollSelf(teacher(1), course.id),
      ]);
      expect([first.created, second.created].sort()).toEqual([false, true]);
      expect((await useCases.visibleCourse(manager.actor, course.id, true)).participants).toHaveLength(1);
    });

    it('keeps the hours of a teacher who withdrew after completion in his record and his inspector’s view', async () => {
      const course = await newCourse(10);
      // The real database is shared by the tests: a teacher of his own keeps this record apart.
      const leaver = teacher(randomUUID());
      await useCases.enrollSelf(leaver, course.id);
      await useCases.setCompletion(trainerContext, course.id, leaver.actor.id, true);
      await useCases.withdrawSelf(leaver, course.id);

      expect(await useCases.myEnrollments(leaver.actor)).toEqual({
        enrollments: [
          {
            courseId: course.id,
            title: course.title,
            status: 'completed',
            creditedHours: 9,
            withdrawn: true,
          },
        ],
        totalCreditedHours: 9,
      });
      const overview = await useCases.districtOverview(inspector, 'lyon-d1');
      expect(overview.find((view) => view.courseId === course.id)?.teachers).toEqual([
        { name: leaver.actor.name, school: '0690001A', status: 'completed', creditedHours: 9 },
      ]);
      expect(await useCases.participants(trainerContext.actor, course.id)).toHaveLength(1);
    });

    it('never both keeps and revokes hours when a withdrawal and a revocation race', async () => {
      const course = await newCourse(10);
      const leaver = teacher(randomUUID());
      await useCases.enrollSelf(leaver, course.id);
      await useCases.setCompletion(trainerContext, course.id, leaver.actor.id, true);
      const [, revocation] = await Promise.allSettled([
        useCases.withdrawSelf(leaver, course.id),
        useCases.setCompletion(trainerContext, course.id, leaver.actor.id, false),
      ]);
      const stored = await useCases.visibleCourse(manager.actor, course.id, true);
      expect(stored.participants).toEqual([]);
      const record = await useCases.myEnrollments(leaver.actor);
      // Revoked first: he then left without a trace. Withdrawn first: the trainer could no longer revoke.
      expect(record).toEqual(
        revocation.status === 'fulfilled'
          ? { enrollments: [], totalCreditedHours: 0 }
          : {
              enrollments: [expect.objectContaining({ creditedHours: 9, withdrawn: true })],
              totalCreditedHours: 9,
            },
      );
    });

    it('confirms an attestation by its code until the completion is revoked, and keeps it for one who left', async () => {
      const course = await newCourse(10);
      const [stays, leaves] = [teacher(randomUUID()), teacher(randomUUID())];
      for (const one of [stays, leaves]) {
        await useCases.enrollSelf(one, course.id);
        await useCases.setCompletion(trainerContext, course.id, one.actor.id, true);
      }
      const [kept] = await useCases.myAttestations(leaves.actor);
      const [revoked] = await useCases.myAttestations(stays.actor);
      expect(kept).toEqual(
        expect.objectContaining({
          courseId: course.id,
          completedOn: '2026-11-28',
          teacherName: leaves.actor.name,
        }),
      );
      await useCases.withdrawSelf(leaves, course.id);
      await useCases.setCompletion(trainerContext, course.id, stays.actor.id, false);

      const { courseId: _courseId, ...printed } = kept ?? { courseId: '' };
      expect(await useCases.verify(kept?.code ?? '')).toEqual(printed);
      await expect(useCases.verify(revoked?.code ?? '')).rejects.toBeInstanceOf(AttestationNotFound);
      expect(await useCases.myAttestations(stays.actor)).toEqual([]);
      expect(await useCases.myAttestations(leaves.actor)).toEqual([kept]);
    });

    it('gives a person what names him across its queries, his pending events included, and nothing of others', async () => {
      const course = await newCourse(10);
      const [leaver, stays] = [teacher(randomUUID()), teacher(randomUUID())];
      for (const one of [leaver, stays]) {
        await useCases.enrollSelf(one, course.id);
        await useCases.setCompletion(trainerContext, course.id, one.actor.id, true);
      }
      await useCases.withdrawSelf(leaver, course.id);
      const [attestation] = await useCases.myAttestations(leaver.actor);

      const held = await useCases.personalData(leaver.actor);

      expect(held[ENROLLMENTS]).toEqual([
        {
          courseId: course.id,
          title: course.title,
          name: leaver.actor.name,
          school: '0690001A',
          district: 'lyon-d1',
          status: 'formation terminée',
          withdrawn: true,
          creditedHours: 9,
        },
      ]);
      expect(held[ATTESTATIONS]).toEqual([
        {
          code: attestation?.code,
          courseId: course.id,
          courseTitle: course.title,
          teacherName: leaver.actor.name,
          academy: 'lyon',
          creditedHours: 9,
          completedOn: '2026-11-28',
        },
      ]);
      expect(held[TRAINED_COURSES]).toEqual([]);
      // Nothing has published the outbox here: every event of his stays pending.
      expect(held[PENDING_EVENTS]?.map((event) => event['type']).sort()).toEqual([
        'enrollment.completion.recorded.v1',
        'enrollment.enrollment.created.v1',
        'enrollment.enrollment.withdrawn.v1',
      ]);
      expect(JSON.stringify(held)).not.toContain(stays.actor.id);

      const trainerHeld = await useCases.personalData(trainerContext.actor);
      expect(trainerHeld[TRAINED_COURSES]).toContainEqual({
        courseId: course.id,
        title: course.title,
        name: trainer.name,
      });
      expect(trainerHeld[PENDING_EVENTS]).toContainEqual({
        type: 'enrollment.course.published.v1',
        occurredOn: '2026-11-28',
      });
    });
  });
}
