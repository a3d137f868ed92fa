import { randomUUID } from 'node:crypto';
import { EnrollmentUseCases } from '../../src/application/enrollment-use-cases';
import { ParticipationFacts } from '../../src/application/participation-facts';
import type { CourseRepository, ParticipationCounter } from '../../src/application/ports';
import { DomainError } from '../../src/domain/domain-error';

const trainer = { userId: 'trainer-alice', name: 'Alice Martin', academy: 'lyon' };
const manager = { actor: { id: 'manager', name: 'Hélène Rousseau', academy: 'lyon' }, correlationId: 'c' };
const teacher = (index: number) => ({
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
 * Rules that only hold if the store holds them under concurrency: run on the in-memory adapters and
 * on the real database.
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
        { findTrainers: async (ids) => ids.filter((id) => id === trainer.userId).map(() => trainer) },
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
  });
}
