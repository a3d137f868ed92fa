import { randomUUID } from 'node:crypto';
import type { ActivityStore, CompletionMarkStore } from '../../src/application/ports';
import { ActivityMother } from '../mothers/activity-mother';

export interface ProgressStores {
  activities: ActivityStore;
  marks: CompletionMarkStore;
}

const { required, optional } = ActivityMother;
const sorted = (values: Iterable<string>) => [...values].sort();

/** One contract for the in-memory and the mongoose adapters of progress's stores. */
export function describeProgressStoresContract(
  adapterName: string,
  open: () => Promise<ProgressStores>,
): void {
  describe(`progress stores contract: ${adapterName}`, () => {
    let stores: ProgressStores;
    let courseId: string;
    beforeEach(async () => {
      stores = await open();
      courseId = randomUUID();
    });

    describe('activity lists', () => {
      it('answers an empty list for a course without one', async () => {
        expect(await stores.activities.activitiesOf(courseId)).toEqual([]);
      });

      it('stores a list in its order and replaces it as a whole', async () => {
        await stores.activities.replace(courseId, [required('b'), optional('a')]);
        expect(await stores.activities.activitiesOf(courseId)).toEqual([required('b'), optional('a')]);
        await stores.activities.replace(courseId, [required('c')]);
        expect(await stores.activities.activitiesOf(courseId)).toEqual([required('c')]);
        await stores.activities.replace(courseId, []);
        expect(await stores.activities.activitiesOf(courseId)).toEqual([]);
      });

      it('keeps each course’s list apart', async () => {
        const other = randomUUID();
        await stores.activities.replace(courseId, [required('a')]);
        await stores.activities.replace(other, [required('z')]);
        expect(await stores.activities.activitiesOf(courseId)).toEqual([required('a')]);
      });

      it('ends with one of the lists, whole, when first saves race', async () => {
        const lists = Array.from({ length: 6 }, (_, index) => [required(`a${index}`), required(`b${index}`)]);
        await Promise.all(lists.map((list) => stores.activities.replace(courseId, list)));
        expect(lists).toContainEqual(await stores.activities.activitiesOf(courseId));
      });
    });

    describe('completion marks', () => {
      const mark = (userId: string, activityId: string) => ({ courseId, userId, activityId });

      it('adds marks idempotently and reads a participant’s own', async () => {
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u1', 'b'));
        await stores.marks.add(mark('u2', 'a'));
        expect(sorted(await stores.marks.doneBy(courseId, 'u1'))).toEqual(['a', 'b']);
        expect(sorted(await stores.marks.doneBy(courseId, 'u2'))).toEqual(['a']);
        expect(await stores.marks.doneBy(randomUUID(), 'u1')).toEqual(new Set());
      });

      it('removes a mark, and removing a missing one is no error', async () => {
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.remove(mark('u1', 'a'));
        await stores.marks.remove(mark('u1', 'a'));
        await stores.marks.remove(mark('u1', 'never'));
        expect(await stores.marks.doneBy(courseId, 'u1')).toEqual(new Set());
      });

      it('lists every mark of one course only', async () => {
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u2', 'b'));
        await stores.marks.add({ courseId: randomUUID(), userId: 'u1', activityId: 'a' });
        const marks = await stores.marks.marksOf(courseId);
        expect(marks.map((m) => `${m.courseId}/${m.userId}/${m.activityId}`).sort()).toEqual([
          `${courseId}/u1/a`,
          `${courseId}/u2/b`,
        ]);
      });

      it('finds one person’s marks in every course, and nobody else’s', async () => {
        const person = randomUUID();
        const other = randomUUID();
        const otherCourse = randomUUID();
        await stores.marks.add(mark(person, 'a'));
        await stores.marks.add(mark(person, 'b'));
        await stores.marks.add({ courseId: otherCourse, userId: person, activityId: 'a' });
        await stores.marks.add(mark(other, 'a'));
        await stores.marks.add(mark(`${person}x`, 'c'));
        const found = await stores.marks.marksBy(person);
        expect(found.map((m) => `${m.courseId}/${m.userId}/${m.activityId}`).sort()).toEqual(
          sorted([`${courseId}/${person}/a`, `${courseId}/${person}/b`, `${otherCourse}/${person}/a`]),
        );
        expect(await stores.marks.marksBy(randomUUID())).toEqual([]);
      });

      it('forgets a participant entirely in one course, not elsewhere (L1)', async () => {
        const other = randomUUID();
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u1', 'b'));
        await stores.marks.add(mark('u2', 'a'));
        await stores.marks.add({ courseId: other, userId: 'u1', activityId: 'a' });
        await stores.marks.forgetParticipant(courseId, 'u1');
        expect(await stores.marks.doneBy(courseId, 'u1')).toEqual(new Set());
        expect(sorted(await stores.marks.doneBy(courseId, 'u2'))).toEqual(['a']);
        expect(sorted(await stores.marks.doneBy(other, 'u1'))).toEqual(['a']);
      });

      it('forgets the marks of removed activities for every participant', async () => {
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u1', 'b'));
        await stores.marks.add(mark('u2', 'b'));
        await stores.marks.add(mark('u2', 'c'));
        await stores.marks.forgetActivities(courseId, ['b', 'c']);
        expect((await stores.marks.marksOf(courseId)).map((m) => `${m.userId}/${m.activityId}`)).toEqual([
          'u1/a',
        ]);
      });

      it('forgets every mark of the courses past retention, counts them once, and keeps the others', async () => {
        const [pastRetention, alsoPast, stillKept] = [courseId, randomUUID(), randomUUID()];
        await stores.marks.add(mark('u1', 'a'));
        await stores.marks.add(mark('u2', 'b'));
        await stores.marks.add({ courseId: alsoPast, userId: 'u1', activityId: 'a' });
        await stores.marks.add({ courseId: stillKept, userId: 'u1', activityId: 'a' });
        await stores.marks.add({ courseId: stillKept, userId: 'u3', activityId: 'c' });

        expect(await stores.marks.forgetCourses([pastRetention, alsoPast, randomUUID()])).toBe(3);

        expect(await stores.marks.marksOf(pastRetention)).toEqual([]);
        expect(await stores.marks.marksOf(alsoPast)).toEqual([]);
        expect((await stores.marks.marksOf(stillKept)).map((m) => m.userId).sort()).toEqual(['u1', 'u3']);
        // Idempotent: a second pass, or another replica's, finds nothing more to delete.
        expect(await stores.marks.forgetCourses([pastRetention, alsoPast])).toBe(0);
        expect(await stores.marks.forgetCourses([])).toBe(0);
      });

      it('forgets the marks of more courses than one delete takes, also when two replicas race', async () => {
        const courses = Array.from({ length: 1_203 }, () => randomUUID());
        const marked = [courses[0], courses[600], courses[1_202]].filter((id) => id !== undefined);
        await Promise.all(
          marked.map((id) => stores.marks.add({ courseId: id, userId: 'u1', activityId: 'a' })),
        );

        const [first, second] = await Promise.all([
          stores.marks.forgetCourses(courses),
          stores.marks.forgetCourses(courses),
        ]);

        // Which replica deleted what is left to the database; each count is of marks that existed.
        expect([first, second].every((count) => count >= 0 && count <= 3)).toBe(true);
        expect(first + second).toBeGreaterThanOrEqual(3);
        for (const id of marked) expect(await stores.marks.marksOf(id)).toEqual([]);
      });

      it('forgets every mark of an erased person in every course, counts them once, and nobody else’s', async () => {
        const [person, other] = [randomUUID(), randomUUID()];
        const otherCourse = randomUUID();
        await stores.marks.add(mark(person, 'a'));
        await stores.marks.add(mark(person, 'b'));
        await stores.marks.add({ courseId: otherCourse, userId: person, activityId: 'a' });
        await stores.marks.add(mark(other, 'a'));
        // An id that merely starts like his, and one with his id as an activity: not his marks.
        await stores.marks.add(mark(`${person}x`, 'a'));
        await stores.marks.add(mark(other, person));

        expect(await stores.marks.forgetPerson(person)).toBe(3);

        expect(await stores.marks.marksBy(person)).toEqual([]);
        expect(
          (await stores.marks.marksOf(courseId)).map((m) => `${m.userId}/${m.activityId}`).sort(),
        ).toEqual(sorted([`${other}/a`, `${other}/${person}`, `${person}x/a`]));
        // Idempotent, and a person the store never knew is no error.
        expect(await stores.marks.forgetPerson(person)).toBe(0);
        expect(await stores.marks.forgetPerson(randomUUID())).toBe(0);
        // A mark he writes after his erasure (an event in flight) is his again, and a later call takes it.
        await stores.marks.add(mark(person, 'c'));
        expect(await stores.marks.forgetPerson(person)).toBe(1);
        expect(await stores.marks.marksBy(person)).toEqual([]);
      });

      it('keeps activity ids with any characters apart from the participant’s', async () => {
        await stores.marks.add(mark('u1', 'a.b'));
        await stores.marks.add(mark('u1.a', 'b'));
        await stores.marks.remove(mark('u1', 'a.b'));
        expect(await stores.marks.doneBy(courseId, 'u1')).toEqual(new Set());
        expect(sorted(await stores.marks.doneBy(courseId, 'u1.a'))).toEqual(['b']);
      });

      it('keeps every mark when many participants mark at the same time', async () => {
        const participants = Array.from({ length: 20 }, (_, index) => `u${index}`);
        await Promise.all(
          participants.flatMap((userId) =>
            ['a', 'b'].map((activityId) => stores.marks.add(mark(userId, activityId))),
          ),
        );
        expect(await stores.marks.marksOf(courseId)).toHaveLength(40);
      });

      it('ends done or not done, never an error, when two tabs toggle one mark at once', async () => {
        const toggles = Array.from({ length: 10 }, (_, index) =>
          index % 2 === 0 ? stores.marks.add(mark('u1', 'a')) : stores.marks.remove(mark('u1', 'a')),
        );
        await Promise.all(toggles);
        expect([[], ['a']]).toContainEqual(sorted(await stores.marks.doneBy(courseId, 'u1')));
        await stores.marks.add(mark('u1', 'a'));
        expect(sorted(await stores.marks.doneBy(courseId, 'u1'))).toEqual(['a']);
      });

      it('serves the trainer’s view of a course with a few hundred participants', async () => {
        const participants = Array.from({ length: 300 }, (_, index) => `teacher-${index}`);
        for (const batch of [0, 1, 2])
          await Promise.all(
            participants
              .slice(batch * 100, (batch + 1) * 100)
              .map((userId, index) => stores.marks.add(mark(userId, `a${index % 3}`))),
          );
        const marks = await stores.marks.marksOf(courseId);
        expect(marks).toHaveLength(300);
        expect(new Set(marks.map((m) => m.userId)).size).toBe(300);
      });
    });
  });
}
