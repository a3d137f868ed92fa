import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  demoNameOf,
  demoRealmFile,
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import type { PersonalDataExport } from '@relais/platform';
import {
  createProgressService,
  progressPersonalData,
  type ProgressModule,
  type ProgressPorts,
} from '../../src/index';
import { deliver, enrollmentOf } from '../support/enrollment-events';

export interface ErasureStores extends Pick<ProgressPorts, 'rosters' | 'activities' | 'marks'> {
  /** Every document the stores hold, read as a database reader would: what a grep for him sees. */
  storedDocuments(): Promise<unknown[]>;
}

const schoolOf = (username: string): string => {
  const { users } = JSON.parse(readFileSync(demoRealmFile, 'utf8')) as {
    users: { username: string; attributes?: Record<string, string[]> }[];
  };
  const school = users.find((user) => user.username === username)?.attributes?.['school']?.[0];
  if (!school) throw new Error(`the demo user ${username} has no school`);
  return school;
};

// The erased participant's school (0690002B) is none of the others' (0690001A): a grep for it finds
// only him. Activity titles are written by trainers; participants write no text in progress.
const erased = 'teacher.06';
const others = ['teacher.01', 'teacher.02'];
const activities = [
  { id: 'intro', title: 'Accueil et cadre du parcours', kind: 'resource' },
  { id: 'phonics-video', title: 'La phonologie en classe', kind: 'video' },
  { id: 'forum', title: 'Partager une séance', kind: 'forum', optional: true },
  { id: 'class-visit', title: 'Classe virtuelle', kind: 'virtual-class' },
];

interface BarRow {
  userId: string;
  name: string;
  done: number;
  total: number;
  percent: number;
}

/**
 * Erasure (ADR 0033) as progress holds a person, through the use case the erasure event will call,
 * watched from outside: each person's `GET /me/data`, the trainer's view, and the raw stores. Run
 * once per adapter set (in-memory, mongoose).
 */
export function describeProgressErasure(adapterName: string, openStores: () => Promise<ErasureStores>): void {
  describe(`erasure of a person (ADR 0033): ${adapterName}`, () => {
    let harness: ServiceHarness;
    let progress: ProgressModule;
    let stores: ErasureStores;
    beforeAll(async () => {
      stores = await openStores();
      harness = await startServiceHarness((verifierFor) => {
        progress = createProgressService({ ...stores, verifier: verifierFor('relais-progress') });
        return [progress];
      });
    });
    afterAll(async () => harness.stop());
    // Each test starts from a harness where he and the erased trainer hold nothing.
    afterEach(async () => {
      for (const username of [erased, 'trainer.bruno'])
        await progress.erasure.forgetPerson(userIdOf(username));
    });

    const base = (courseId: string) => `/api/progress/courses/${courseId}`;
    const expectStatus = async (
      status: number,
      username: string,
      method: string,
      path: string,
      body?: unknown,
    ) => {
      const answer = await harness.call(username, method, path, body);
      expect({ method, path, status: answer.status }).toEqual({ method, path, status });
      return answer.body;
    };
    const declare = (username: string, courseId: string, activityId: string) =>
      expectStatus(200, username, 'PUT', `${base(courseId)}/activities/${activityId}/completion`, {
        done: true,
      });
    const trainerView = (courseId: string, trainer = 'trainer.alice'): Promise<BarRow[]> =>
      expectStatus(200, trainer, 'GET', `${base(courseId)}/progress`);
    const activityList = (courseId: string) =>
      expectStatus(200, 'trainer.alice', 'GET', `${base(courseId)}/activities`);
    const myData = async (username: string): Promise<PersonalDataExport> =>
      expectStatus(200, username, 'GET', '/api/progress/me/data');
    const recordsPerKind = (exported: PersonalDataExport) =>
      exported.kinds.map(({ kind, records }) => ({ kind, records: records.length }));
    /** Every kind of the declaration, none with a record: a kind added later and not erased fails here. */
    const nothingInAnyKind = progressPersonalData.kinds.map(({ kind }) => ({ kind, records: 0 }));
    const storedText = async () => JSON.stringify(await stores.storedDocuments());

    /**
     * Two courses where the erased participant marked activities beside two others: one with
     * trainer.alice alone, one she trains with trainer.bruno, who wrote its activity list.
     */
    const coursesWithHim = async () => {
      const [alone, shared] = [
        await publishCourseWithMembers(harness.bus, {
          trainers: ['trainer.alice'],
          participants: [...others, erased],
        }),
        await publishCourseWithMembers(harness.bus, {
          trainers: ['trainer.alice', 'trainer.bruno'],
          participants: [erased, 'teacher.01'],
        }),
      ];
      await harness.bus.idle();
      await expectStatus(200, 'trainer.alice', 'PUT', `${base(alone)}/activities`, activities);
      await expectStatus(200, 'trainer.bruno', 'PUT', `${base(shared)}/activities`, activities);
      for (const activityId of ['intro', 'phonics-video', 'forum']) await declare(erased, alone, activityId);
      await declare(erased, shared, 'intro');
      await declare('teacher.01', alone, 'intro');
      await declare('teacher.02', alone, 'phonics-video');
      await declare('teacher.02', alone, 'class-visit');
      await declare('teacher.01', shared, 'class-visit');
      return { alone, shared };
    };

    it('leaves nothing of a participant: his export is empty in every kind, and no stored document names him', async () => {
      await coursesWithHim();
      const hisTraces = [userIdOf(erased), demoNameOf(erased), schoolOf(erased)];
      // The grep below could fail: before the erasure, the stores hold each of his traces.
      const before = await storedText();
      for (const trace of hisTraces)
        expect({ trace, stored: before.includes(trace) }).toEqual({ trace, stored: true });
      expect(recordsPerKind(await myData(erased))).not.toEqual(nothingInAnyKind);

      const counts = await progress.erasure.forgetPerson(userIdOf(erased));

      expect(counts).toEqual({ courseRosters: 2, completionMarks: 4 });
      expect(recordsPerKind(await myData(erased))).toEqual(nothingInAnyKind);
      const after = await storedText();
      for (const trace of hisTraces)
        expect({ trace, stored: after.includes(trace) }).toEqual({ trace, stored: false });
    });

    it('drops him from the trainer’s view and his course; the others’ bars, order and exports stay as they were', async () => {
      const { alone, shared } = await coursesWithHim();
      const viewsBefore = [await trainerView(alone), await trainerView(shared)];
      const exportsBefore = await Promise.all(others.map(myData));
      const listsBefore = [await activityList(alone), await activityList(shared)];
      expect(viewsBefore[0]?.map((row) => row.userId)).toContain(userIdOf(erased));

      await progress.erasure.forgetPerson(userIdOf(erased));

      // He is no participant any more: the view lists the others only, each bar unchanged, in its order.
      const withoutHim = (rows: BarRow[] | undefined) =>
        rows?.filter((row) => row.userId !== userIdOf(erased));
      expect(await trainerView(alone)).toEqual(withoutHim(viewsBefore[0]));
      expect(await trainerView(shared)).toEqual(withoutHim(viewsBefore[1]));
      expect((await trainerView(alone)).map((row) => row.userId)).toEqual(others.map(userIdOf));
      expect((await trainerView(alone)).map(({ done, percent }) => ({ done, percent }))).toEqual([
        { done: 1, percent: 33 },
        { done: 2, percent: 66 },
      ]);
      // Others keep everything; the activity lists (the course's, no author) are untouched.
      expect(await Promise.all(others.map(myData))).toEqual(exportsBefore);
      expect([await activityList(alone), await activityList(shared)]).toEqual(listsBefore);
      // He no longer reaches the course, even with a token still valid.
      await expectStatus(404, erased, 'GET', `${base(alone)}/progress/me`);
    });

    it('forgets a trainer in every roster; his activity list stays, about no one, and his co-trainer sees the same bars', async () => {
      const { shared } = await coursesWithHim();
      const trainer = 'trainer.bruno';
      const viewBefore = await trainerView(shared, 'trainer.alice');
      expect((await trainerView(shared, trainer)).length).toBe(2);

      expect(await progress.erasure.forgetPerson(userIdOf(trainer))).toEqual({
        courseRosters: 1,
        completionMarks: 0,
      });

      expect(recordsPerKind(await myData(trainer))).toEqual(nothingInAnyKind);
      await expectStatus(404, trainer, 'GET', `${base(shared)}/progress`);
      expect(await trainerView(shared, 'trainer.alice')).toEqual(viewBefore);
      const stored = await storedText();
      for (const trace of [userIdOf(trainer), demoNameOf(trainer)])
        expect({ trace, stored: stored.includes(trace) }).toEqual({ trace, stored: false });
      // The exception the rules keep: the titles he wrote describe the course and name no author.
      expect(await activityList(shared)).toEqual(
        activities.map((activity) => ({ optional: false, ...activity })),
      );
      for (const { title } of activities) expect(stored).toContain(title);
    });

    it('counts 0 on a second erasure and for a person progress never knew, and changes nothing else', async () => {
      const { alone } = await coursesWithHim();
      await progress.erasure.forgetPerson(userIdOf(erased));
      const viewAfterFirst = await trainerView(alone);
      const storedAfterFirst = await storedText();

      expect(await progress.erasure.forgetPerson(userIdOf(erased))).toEqual({
        courseRosters: 0,
        completionMarks: 0,
      });
      expect(await progress.erasure.forgetPerson(randomUUID())).toEqual({
        courseRosters: 0,
        completionMarks: 0,
      });
      expect(await progress.erasure.forgetPerson('')).toEqual({ courseRosters: 0, completionMarks: 0 });

      expect(await trainerView(alone)).toEqual(viewAfterFirst);
      expect(await storedText()).toEqual(storedAfterFirst);
    });

    it('survives his own enrollment event arriving meanwhile, and a later erasure removes what it brought', async () => {
      const { alone } = await coursesWithHim();
      const lateCourse = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants: others,
      });
      await harness.bus.idle();

      const [counts] = await Promise.all([
        progress.erasure.forgetPerson(userIdOf(erased)),
        deliver(harness.bus, enrollmentOf(alone, erased)).then(() =>
          deliver(harness.bus, enrollmentOf(lateCourse, erased)),
        ),
      ]);
      await harness.bus.idle();

      expect(counts.completionMarks).toBe(4);
      await progress.erasure.forgetPerson(userIdOf(erased));
      expect(recordsPerKind(await myData(erased))).toEqual(nothingInAnyKind);
      expect(await storedText()).not.toContain(userIdOf(erased));
      expect((await trainerView(lateCourse)).map((row) => row.userId)).toEqual(others.map(userIdOf));
    });

    it('leaves none of the marks he was declaring at the very moment of his erasure', async () => {
      const { alone, shared } = await coursesWithHim();
      const declaring = [alone, shared].flatMap((courseId) =>
        activities.map(({ id }) =>
          harness.call(erased, 'PUT', `${base(courseId)}/activities/${id}/completion`, { done: true }),
        ),
      );

      // A few milliseconds in, so that some declarations are under way when he leaves the rosters.
      const erasure = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        progress.erasure.forgetPerson(userIdOf(erased)),
      );
      const [counts, ...answers] = await Promise.all([erasure, ...declaring]);

      // Each declaration was either done before he left (its mark then deleted) or refused as not his course.
      for (const { status } of answers) expect([200, 404]).toContain(status);
      expect(counts.courseRosters).toBe(2);
      expect(await stores.marks.marksBy(userIdOf(erased))).toEqual([]);
      expect(recordsPerKind(await myData(erased))).toEqual(nothingInAnyKind);
    });
  });
}
