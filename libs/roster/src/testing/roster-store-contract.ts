import { randomUUID } from 'node:crypto';
import { membershipOf } from '../course-roster';
import { withCompletion, withCourse, withoutParticipant, withParticipant } from '../roster-changes';
import type { RosterStore } from '../roster-store';

/** One contract for every RosterStore adapter: the in-memory one and the mongoose one. */
/** The day the contract's courses are published, when it does not matter. */
const OPENED_ON = '2030-01-01';

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
      await store.apply(courseId, randomUUID(), withCourse(course(courseId), OPENED_ON));
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
      await store.apply(courseId, randomUUID(), withCourse(course(courseId), OPENED_ON));
      expect((await store.get(courseId))?.participants.map((p) => p.userId)).toEqual(['teacher-1']);
      expect((await store.get(courseId))?.title).toBe('Teaching reading');
    });

    it('records completion and forgets a withdrawn participant entirely', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withCourse(course(courseId), OPENED_ON));
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
      await store.apply(
        soon,
        randomUUID(),
        withCourse({ ...course(soon), closesOn: '2031-03-10' }, OPENED_ON),
      );
      await store.apply(
        later,
        randomUUID(),
        withCourse({ ...course(later), closesOn: '2031-03-20' }, OPENED_ON),
      );
      expect((await store.get(soon))?.closesOn).toBe('2031-03-10');
      expect((await store.closingBetween('2031-03-04', '2031-03-10')).map((r) => r.courseId)).toEqual([soon]);
      expect(await store.closingBetween('2031-03-11', '2031-03-19')).toEqual([]);
      await store.apply(soon, randomUUID(), withCourse(course(soon), OPENED_ON));
      expect(await store.get(soon)).not.toHaveProperty('closesOn');
      expect(await store.closingBetween('2031-03-04', '2031-03-10')).toEqual([]);
    });

    it('records the day a course closes, keeps it when the close is repeated, forgets it on reopening, and finds courses closed before a day', async () => {
      const early: string = randomUUID();
      const late: string = randomUUID();
      const open: string = randomUUID();
      const closed = (id: string) => ({ ...course(id), status: 'closed' as const });
      await store.apply(early, randomUUID(), withCourse(course(early), OPENED_ON));
      await store.apply(early, randomUUID(), withCourse(closed(early), '2030-01-15'));
      await store.apply(early, randomUUID(), withCourse(closed(early), '2030-02-01'));
      await store.apply(late, randomUUID(), withCourse(closed(late), '2030-06-30'));
      await store.apply(open, randomUUID(), withCourse(course(open), OPENED_ON));
      expect((await store.get(early))?.closedOn).toBe('2030-01-15');
      expect(await store.get(open)).not.toHaveProperty('closedOn');

      const before = async (day: string) =>
        (await store.closedBefore(day))
          .map((roster) => roster.courseId)
          .filter((id) => [early, late, open].includes(id));
      expect(await before('2030-01-15')).toEqual([]);
      expect(await before('2030-01-16')).toEqual([early]);
      expect((await before('2030-07-01')).sort()).toEqual([early, late].sort());

      await store.apply(late, randomUUID(), withCourse(course(late), '2030-07-02'));
      expect(await store.get(late)).not.toHaveProperty('closedOn');
      expect(await before('2030-07-03')).toEqual([early]);
    });

    it('dates the closures it recorded before closing days existed, once, and leaves open and dated courses alone', async () => {
      const undated: string = randomUUID();
      const dated: string = randomUUID();
      const open: string = randomUUID();
      // A replica written before `closedOn` existed: closed, with no day.
      await store.apply(undated, randomUUID(), (roster) => ({
        ...withCourse(course(undated), OPENED_ON)(roster),
        status: 'closed',
      }));
      await store.apply(
        dated,
        randomUUID(),
        withCourse({ ...course(dated), status: 'closed' }, '2030-01-15'),
      );
      await store.apply(open, randomUUID(), withCourse(course(open), OPENED_ON));

      expect(await store.dateUndatedClosures('2030-09-01')).toBeGreaterThanOrEqual(1);
      expect((await store.get(undated))?.closedOn).toBe('2030-09-01');
      expect((await store.get(dated))?.closedOn).toBe('2030-01-15');
      expect(await store.get(open)).not.toHaveProperty('closedOn');
      await store.dateUndatedClosures('2030-10-01');
      expect((await store.get(undated))?.closedOn).toBe('2030-09-01');
      await store.apply(undated, randomUUID(), withParticipant({ userId: 'teacher-9', name: 'Lou' }));
      expect((await store.get(undated))?.participants.map((p) => p.userId)).toEqual(['teacher-9']);
    });

    it('forgets a person in every roster, as trainer and as participant, and nobody else', async () => {
      const [trained, taken] = [randomUUID(), randomUUID()];
      const person = `person-${randomUUID()}`;
      await store.apply(
        trained,
        randomUUID(),
        withCourse(
          {
            ...course(trained),
            trainers: [
              { userId: person, name: 'Erased' },
              { userId: 'trainer-2', name: 'Kept' },
            ],
          },
          OPENED_ON,
        ),
      );
      await store.apply(
        taken,
        randomUUID(),
        withParticipant({ userId: person, name: 'Erased', school: 'X' }),
      );
      await store.apply(taken, randomUUID(), withParticipant({ userId: 'teacher-2', name: 'Kept' }));

      expect(await store.forgetPerson(person)).toBe(2);
      expect(await store.coursesOf(person)).toEqual([]);
      expect(JSON.stringify([await store.get(trained), await store.get(taken)])).not.toContain('Erased');
      expect((await store.get(trained))?.trainers.map((t) => t.userId)).toEqual(['trainer-2']);
      expect((await store.get(taken))?.participants.map((p) => p.userId)).toEqual(['teacher-2']);
      expect(await store.forgetPerson(person)).toBe(0);
      await store.apply(taken, randomUUID(), withCompletion('teacher-2', true));
      expect((await store.get(taken))?.participants[0]?.status).toBe('completed');
    });

    it('finds the courses of a person, as trainer or participant', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const person = `person-${randomUUID()}`;
      await store.apply(
        first,
        randomUUID(),
        withCourse({ ...course(first), trainers: [{ userId: person, name: 'P' }] }, OPENED_ON),
      );
      await store.apply(second, randomUUID(), withParticipant({ userId: person, name: 'P' }));
      const ids = (await store.coursesOf(person)).map((roster) => roster.courseId).sort();
      expect(ids).toEqual([first, second].sort());
    });

    it('stays consistent under concurrent changes of one course', async () => {
      const courseId = randomUUID();
      await store.apply(courseId, randomUUID(), withCourse(course(courseId), OPENED_ON));
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
