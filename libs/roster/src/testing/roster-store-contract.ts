import { randomUUID } from 'node:crypto';
import { membershipOf } from '../course-roster';
import { withCompletion, withCourse, withoutParticipant, withParticipant } from '../roster-changes';
import type { RosterStore } from '../roster-store';

/** One contract for every RosterStore adapter: the in-memory one and the mongoose one. */
export function describeRosterStoreContract(adapterName: string, open: () => Promise<RosterStore>): void {
  describe(`RosterStore contract: ${adapterName}`, () => {
    let store: RosterStore;
    beforeEach(async () => {
      store = await open();
    });

    const course = (courseId: string) => ({
      courseId,
      academy: 'lyon',
      title: 'Teaching reading',
      status: 'open' as const,
      trainers: [{ userId: 'trainer-a', name: 'Alice Martin' }],
    });

    it('builds a roster from course and enrollment changes', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withCourse(course(courseId)));
      await store.apply(
        courseId,
        randomUUID(),
        withParticipant({ userId: 'teacher-1', name: 'Camille', school: '0690001A' }),
      );
      const roster = await store.get(courseId);
      expect(roster).toEqual({
        ...course(courseId),
        participants: [{ userId: 'teacher-1', name: 'Camille', school: '0690001A', status: 'enrolled' }],
      });
      expect(membershipOf(roster, 'trainer-a')).toBe('trainer');
      expect(membershipOf(roster, 'teacher-1')).toBe('participant');
      expect(membershipOf(roster, 'someone-else')).toBe('none');
    });

    it('applies an event once, however often it is delivered', async () => {
      const courseId = randomUUID();
      const eventId = randomUUID();
      expect(
        await store.apply(courseId, eventId, withParticipant({ userId: 'teacher-1', name: 'Camille' })),
      ).toBe(true);
      await store.apply(courseId, randomUUID(), withoutParticipant('teacher-1'));
      expect(
        await store.apply(courseId, eventId, withParticipant({ userId: 'teacher-1', name: 'Camille' })),
      ).toBe(false);
      expect((await store.get(courseId))?.participants).toEqual([]);
    });

    it('accepts participant events that arrive before the course event', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withParticipant({ userId: 'teacher-1', name: 'Camille' }));
      await store.apply(courseId, randomUUID(), withCourse(course(courseId)));
      expect((await store.get(courseId))?.participants.map((p) => p.userId)).toEqual(['teacher-1']);
      expect((await store.get(courseId))?.title).toBe('Teaching reading');
    });

    it('records completion and forgets a withdrawn participant entirely', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withCourse(course(courseId)));
      await store.apply(courseId, randomUUID(), withParticipant({ userId: 'teacher-1', name: 'Camille' }));
      await store.apply(courseId, randomUUID(), withParticipant({ userId: 'teacher-2', name: 'Dominique' }));
      await store.apply(courseId, randomUUID(), withCompletion('teacher-1', true));
      await store.apply(courseId, randomUUID(), withoutParticipant('teacher-2'));
      const roster = await store.get(courseId);
      expect(roster?.participants).toEqual([{ userId: 'teacher-1', name: 'Camille', status: 'completed' }]);
      expect(JSON.stringify(roster)).not.toContain('teacher-2');
    });

    it('keeps a planned closing day, forgets it once cleared, and finds courses closing between two days', async () => {
      const [soon, later] = [randomUUID(), randomUUID()];
      await store.apply(soon, randomUUID(), withCourse({ ...course(soon), closesOn: '2031-03-10' }));
      await store.apply(later, randomUUID(), withCourse({ ...course(later), closesOn: '2031-03-20' }));
      expect((await store.get(soon))?.closesOn).toBe('2031-03-10');
      expect((await store.closingBetween('2031-03-04', '2031-03-10')).map((r) => r.courseId)).toEqual([soon]);
      expect(await store.closingBetween('2031-03-11', '2031-03-19')).toEqual([]);
      await store.apply(soon, randomUUID(), withCourse(course(soon)));
      expect(await store.get(soon)).not.toHaveProperty('closesOn');
      expect(await store.closingBetween('2031-03-04', '2031-03-10')).toEqual([]);
    });

    it('finds the courses of a person, as trainer or participant', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const person = `person-${randomUUID()}`;
      await store.apply(
        first,
        randomUUID(),
        withCourse({ ...course(first), trainers: [{ userId: person, name: 'P' }] }),
      );
      await store.apply(second, randomUUID(), withParticipant({ userId: person, name: 'P' }));
      const ids = (await store.coursesOf(person)).map((roster) => roster.courseId).sort();
      expect(ids).toEqual([first, second].sort());
    });

    it('stays consistent under concurrent changes of one course', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withCourse(course(courseId)));
      await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          store.apply(
            courseId,
            randomUUID(),
            withParticipant({ userId: `teacher-${index}`, name: `T${index}` }),
          ),
        ),
      );
      expect((await store.get(courseId))?.participants).toHaveLength(12);
    });
  });
}
