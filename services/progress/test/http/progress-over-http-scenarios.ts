import {
  demoNameOf,
  exportMentions,
  gapsInExport,
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
import { refusedFieldNamesOf, trackingDataCatalogue } from '../../src/domain/tracking-data';
import { closingOf, deliver, enrollmentOf, withdrawalOf } from '../support/enrollment-events';

export type StorePorts = Pick<ProgressPorts, 'rosters' | 'activities' | 'marks'>;

const activities = [
  { id: 'intro', title: 'Welcome and framework', kind: 'resource' },
  { id: 'phonics-video', title: 'Phonics in practice', kind: 'video' },
  { id: 'forum', title: 'Share a lesson', kind: 'forum', optional: true },
  { id: 'class-visit', title: 'Virtual class', kind: 'virtual-class' },
];

/**
 * Every Progress row of docs/api.md, end to end over HTTP with real tokens and a roster built from
 * enrollment events; run once per adapter pair (in-memory, mongoose).
 */
export function describeProgressOverHttp(adapterName: string, openStores: () => Promise<StorePorts>): void {
  describe(`progress over HTTP: ${adapterName}`, () => {
    let harness: ServiceHarness;
    let progress: ProgressModule;
    // The retention job's clock: the real day unless a test moves it.
    let now: Date | undefined;
    beforeAll(async () => {
      const stores = await openStores();
      harness = await startServiceHarness((verifierFor) => {
        progress = createProgressService({
          ...stores,
          verifier: verifierFor('relais-progress'),
          clock: () => now ?? new Date(),
        });
        return [progress];
      });
    });
    afterAll(async () => harness.stop());

    const base = (courseId: string) => `/api/progress/courses/${courseId}`;
    const newCourse = async (participants: string[] = ['teacher.01', 'teacher.02']) => {
      const courseId = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants,
      });
      await harness.bus.idle();
      return courseId;
    };
    const defineActivities = async (courseId: string, list: unknown = activities) => {
      const put = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, list);
      expect(put.status).toBe(200);
      return put;
    };
    const declare = (username: string, courseId: string, activityId: string, body: unknown) =>
      harness.call(username, 'PUT', `${base(courseId)}/activities/${activityId}/completion`, body);
    const myBar = async (username: string, courseId: string) => {
      const read = await harness.call(username, 'GET', `${base(courseId)}/progress/me`);
      expect(read.status).toBe(200);
      return read.body;
    };
    const trainerView = async (courseId: string) => {
      const read = await harness.call('trainer.alice', 'GET', `${base(courseId)}/progress`);
      expect(read.status).toBe(200);
      return read.body;
    };
    const myData = async (username: string | undefined) =>
      harness.call(username, 'GET', '/api/progress/me/data');
    const recordsOf = (exported: PersonalDataExport, kind: string, courseId: string) =>
      exported.kinds
        .find((candidate) => candidate.kind === kind)
        ?.records.filter((record) => record['courseId'] === courseId);

    describe('activities', () => {
      it('lets a trainer of the course define them, and members read them with optional defaulted', async () => {
        const courseId = await newCourse();
        const put = await defineActivities(courseId);
        expect(put.body).toHaveLength(4);
        for (const member of ['teacher.01', 'trainer.alice']) {
          const read = await harness.call(member, 'GET', `${base(courseId)}/activities`);
          expect(read.status).toBe(200);
          expect(read.body).toEqual([
            { id: 'intro', title: 'Welcome and framework', kind: 'resource', optional: false },
            { id: 'phonics-video', title: 'Phonics in practice', kind: 'video', optional: false },
            { id: 'forum', title: 'Share a lesson', kind: 'forum', optional: true },
            { id: 'class-visit', title: 'Virtual class', kind: 'virtual-class', optional: false },
          ]);
        }
      });

      it('refuses duplicate ids (422), blank titles and unknown kinds (400) and keeps the list', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const duplicate = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, [
          activities[0],
          { ...activities[1], id: 'intro' },
        ]);
        // Well-formed JSON that JSON Schema cannot refuse (unique by id): 422, as the document says.
        expect(duplicate).toMatchObject({ status: 422, body: { code: 'DUPLICATE_ACTIVITY_IDS' } });
        expect(duplicate.body.detail).toContain('intro');
        for (const blank of ['', '  ', '\r', '\u00a0\u3000\ufeff']) {
          const empty = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, [
            { id: 'x', title: blank, kind: 'resource' },
          ]);
          expect(empty).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
          expect(empty.body.detail).toContain('title must not be blank');
        }
        const kind = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, [
          { id: 'x', title: 'X', kind: 'webinar' },
        ]);
        expect(kind).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
        const badId = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, [
          { id: 'a/b', title: 'X', kind: 'resource' },
        ]);
        expect(badId).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
        const notAList = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, {
          id: 'x',
        });
        expect(notAList).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
        expect((await harness.call('teacher.01', 'GET', `${base(courseId)}/activities`)).body).toHaveLength(
          4,
        );
      });
    });

    describe('self-declared completion and the participant’s bar (L7)', () => {
      it('answers 0 of 0 and 0 % for a course without activities', async () => {
        const courseId = await newCourse();
        expect(await myBar('teacher.01', courseId)).toEqual({
          done: 0,
          total: 0,
          percent: 0,
          activities: [],
        });
        expect(await trainerView(courseId)).toEqual(
          expect.arrayContaining([expect.objectContaining({ done: 0, total: 0, percent: 0 })]),
        );
      });

      it('moves the bar as the participant marks activities done and not done', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const first = await declare('teacher.01', courseId, 'intro', { done: true });
        expect(first).toMatchObject({ status: 200, body: { done: 1, total: 3, percent: 33 } });
        await declare('teacher.01', courseId, 'phonics-video', { done: true });
        await declare('teacher.01', courseId, 'phonics-video', { done: true });
        const bar = await myBar('teacher.01', courseId);
        expect(bar).toMatchObject({ done: 2, total: 3, percent: 66 });
        expect(bar.activities).toEqual([
          { id: 'intro', title: 'Welcome and framework', kind: 'resource', optional: false, done: true },
          { id: 'phonics-video', title: 'Phonics in practice', kind: 'video', optional: false, done: true },
          { id: 'forum', title: 'Share a lesson', kind: 'forum', optional: true, done: false },
          { id: 'class-visit', title: 'Virtual class', kind: 'virtual-class', optional: false, done: false },
        ]);
        const undone = await declare('teacher.01', courseId, 'intro', { done: false });
        expect(undone.body).toMatchObject({ done: 1, total: 3, percent: 33 });
        expect(await myBar('teacher.02', courseId)).toMatchObject({ done: 0, total: 3, percent: 0 });
      });

      it('shows an optional activity done without counting it', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const marked = await declare('teacher.01', courseId, 'forum', { done: true });
        expect(marked.body).toMatchObject({ done: 0, total: 3, percent: 0 });
        expect(marked.body.activities.find((a: { id: string }) => a.id === 'forum')).toMatchObject({
          optional: true,
          done: true,
        });
      });

      it('answers 404 ACTIVITY_NOT_FOUND for an activity id the course does not have', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const unknown = await declare('teacher.01', courseId, 'no-such-activity', { done: true });
        expect(unknown).toMatchObject({ status: 404, body: { code: 'ACTIVITY_NOT_FOUND' } });
        expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 0 });
      });

      it('refuses a done that is not a boolean, or a missing one, with 400', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        for (const body of [{ done: 'yes' }, { done: 1 }, { done: null }, {}]) {
          const refused = await declare('teacher.01', courseId, 'intro', body);
          expect({ body, status: refused.status, code: refused.body.code }).toEqual({
            body,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
        }
        const notJson = await declare('teacher.01', courseId, 'intro', 'true');
        expect(notJson.status).toBe(400);
        expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 0 });
      });
    });

    describe('no tracking (L2)', () => {
      it.each(['timeSpent', 'duration', 'clicks', 'views', 'lastAccess'])(
        'refuses %s with 400 TRACKING_DATA_REFUSED saying such data is not recorded',
        async (field) => {
          const courseId = await newCourse();
          await defineActivities(courseId);
          const refused = await declare('teacher.01', courseId, 'intro', { done: true, [field]: 120 });
          expect(refused.status).toBe(400);
          expect(refused.headers.get('content-type')).toContain('application/problem+json');
          expect(refused.body).toMatchObject({ code: 'TRACKING_DATA_REFUSED', status: 400 });
          expect(refused.body.detail).toContain('does not record');
          expect(refused.body.detail).toContain(field);
          expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 0 });
        },
      );

      it('refuses any other unknown field with a message that says such data is not recorded', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const refused = await declare('teacher.01', courseId, 'intro', { done: true, mood: 'tired' });
        expect(refused).toMatchObject({ status: 400, body: { code: 'UNKNOWN_FIELDS' } });
        expect(refused.body.detail).toContain('does not record');
        expect(refused.body.detail).toContain('mood');
      });

      // Driven by the public catalogue, so that a kind added there is refused here or fails.
      it.each(
        trackingDataCatalogue.map((category) => ({ ...category, names: refusedFieldNamesOf(category) })),
      )(
        'refuses every field the public list names for "$category" with TRACKING_DATA_REFUSED',
        async ({ names }) => {
          const courseId = await newCourse();
          await defineActivities(courseId);
          const answers = await Promise.all(
            names.map(async (field) => {
              const refused = await declare('teacher.01', courseId, 'intro', { done: true, [field]: 1 });
              return { field, status: refused.status, code: refused.body.code };
            }),
          );
          expect(answers).toEqual(
            names.map((field) => ({ field, status: 400, code: 'TRACKING_DATA_REFUSED' })),
          );
          expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 0 });
        },
      );

      it('publishes what is not recorded to anyone, signed in or not, from the list the API refuses', async () => {
        const answer = await harness.call(undefined, 'GET', '/api/progress/not-recorded');
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          categories: trackingDataCatalogue.map((category) => ({
            category: category.category,
            label: category.label,
            refusedFieldNames: refusedFieldNamesOf(category),
          })),
        });
        expect(answer.body.categories.map(({ label }: { label: string }) => label)).toContain(
          'le temps de connexion, ni la durée passée sur une activité ou un parcours',
        );
      });

      it('refuses tracking fields inside an activity list and in a query string', async () => {
        const courseId = await newCourse();
        const inList = await harness.call('trainer.alice', 'PUT', `${base(courseId)}/activities`, [
          { ...activities[0], views: 3 },
        ]);
        expect(inList).toMatchObject({ status: 400, body: { code: 'TRACKING_DATA_REFUSED' } });
        expect(inList.body.detail).toContain('0.views');
        const inQuery = await harness.call(
          'teacher.01',
          'PUT',
          `${base(courseId)}/activities/intro/completion?timeSpent=30`,
          { done: true },
        );
        expect(inQuery).toMatchObject({ status: 400, body: { code: 'TRACKING_DATA_REFUSED' } });
      });
    });

    describe('the trainer’s synthetic view (L8)', () => {
      it('shows one row per participant, by name, with done, total and percent only', async () => {
        const courseId = await newCourse(['teacher.02', 'teacher.01', 'teacher.03']);
        await defineActivities(courseId);
        await declare('teacher.01', courseId, 'intro', { done: true });
        await declare('teacher.01', courseId, 'class-visit', { done: true });
        await declare('teacher.02', courseId, 'intro', { done: true });
        await declare('teacher.02', courseId, 'forum', { done: true });
        const rows = await trainerView(courseId);
        const expected = (username: string, done: number, percent: number) => ({
          userId: userIdOf(username),
          name: expect.any(String),
          done,
          total: 3,
          percent,
        });
        expect(rows).toEqual(
          expect.arrayContaining([
            expected('teacher.01', 2, 66),
            expected('teacher.02', 1, 33),
            expected('teacher.03', 0, 0),
          ]),
        );
        expect(rows).toHaveLength(3);
        const names = rows.map((row: { name: string }) => row.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
        for (const row of rows)
          expect(Object.keys(row).sort()).toEqual(['done', 'name', 'percent', 'total', 'userId']);
      });

      it('recomputes every bar when the trainers remove an activity participants had done', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        await declare('teacher.01', courseId, 'intro', { done: true });
        await declare('teacher.01', courseId, 'phonics-video', { done: true });
        await declare('teacher.02', courseId, 'phonics-video', { done: true });
        await defineActivities(
          courseId,
          activities.filter((activity) => activity.id !== 'phonics-video'),
        );
        expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 1, total: 2, percent: 50 });
        const rows = await trainerView(courseId);
        const rowOf = (username: string) =>
          rows.find((row: { userId: string }) => row.userId === userIdOf(username));
        expect(rowOf('teacher.01')).toMatchObject({ done: 1, total: 2, percent: 50 });
        expect(rowOf('teacher.02')).toMatchObject({ done: 0, total: 2, percent: 0 });
        // The marks went with the activity: putting it back does not bring old declarations back.
        await defineActivities(courseId);
        expect(await myBar('teacher.02', courseId)).toMatchObject({ done: 0, total: 3 });
      });
    });

    describe('what progress holds about a person (GET /me/data)', () => {
      it('gives a participant his marks and his place in the course, and nothing of anyone else', async () => {
        const courseId = await publishCourseWithMembers(harness.bus, {
          trainers: ['trainer.alice'],
          participants: ['teacher.01', 'teacher.02'],
          completed: ['teacher.01'],
          title: 'Lire au cycle 2',
        });
        await harness.bus.idle();
        const notHisCourse = await newCourse(['teacher.02']);
        const onlyTheirs = { id: 'only-theirs', title: 'Atelier fait par un autre seulement', kind: 'other' };
        await defineActivities(courseId, [...activities, onlyTheirs]);
        await defineActivities(notHisCourse);
        await declare('teacher.01', courseId, 'intro', { done: true });
        await declare('teacher.01', courseId, 'forum', { done: true });
        await declare('teacher.02', courseId, onlyTheirs.id, { done: true });
        await declare('teacher.02', notHisCourse, 'intro', { done: true });

        const answer = await myData('teacher.01');

        expect(answer.status).toBe(200);
        const exported: PersonalDataExport = answer.body;
        expect(gapsInExport(progressPersonalData, exported)).toEqual([]);
        expect(recordsOf(exported, 'completion-marks', courseId)).toEqual(
          expect.arrayContaining([
            { courseId, activityId: 'intro', activityTitle: 'Welcome and framework', done: true },
            { courseId, activityId: 'forum', activityTitle: 'Share a lesson', done: true },
          ]),
        );
        expect(recordsOf(exported, 'completion-marks', courseId)).toHaveLength(2);
        expect(recordsOf(exported, 'course-rosters', courseId)).toEqual([
          {
            courseId,
            title: 'Lire au cycle 2',
            role: 'participant',
            name: demoNameOf('teacher.01'),
            school: expect.any(String),
            status: 'formation terminée',
          },
        ]);
        for (const someoneElse of [
          userIdOf('teacher.02'),
          demoNameOf('teacher.02'),
          userIdOf('trainer.alice'),
          demoNameOf('trainer.alice'),
          notHisCourse,
          onlyTheirs.title,
        ]) {
          expect({ someoneElse, mentioned: exportMentions(exported, someoneElse) }).toEqual({
            someoneElse,
            mentioned: false,
          });
        }
      });

      it('gives a trainer his place in the course, not his participants’ marks', async () => {
        const courseId = await newCourse(['teacher.02']);
        await defineActivities(courseId);
        await declare('teacher.02', courseId, 'intro', { done: true });

        const answer = await myData('trainer.alice');

        expect(answer.status).toBe(200);
        expect(recordsOf(answer.body, 'course-rosters', courseId)).toEqual([
          {
            courseId,
            title: expect.any(String),
            role: 'formateur',
            name: demoNameOf('trainer.alice'),
          },
        ]);
        expect(recordsOf(answer.body, 'completion-marks', courseId)).toEqual([]);
        expect(exportMentions(answer.body, userIdOf('teacher.02'))).toBe(false);
      });

      it('lists every kind, each empty, to a person progress knows nothing of', async () => {
        const answer = await myData('manager.lyon');

        expect(answer.status).toBe(200);
        expect(
          answer.body.kinds.map(({ kind, records }: { kind: string; records: unknown[] }) => ({
            kind,
            records,
          })),
        ).toEqual(progressPersonalData.kinds.map(({ kind }) => ({ kind, records: [] })));
      });

      it('answers only a signed-in person (401 without a token)', async () => {
        expect(await myData(undefined)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      });
    });

    describe('retention (ADR 0032): marks go 12 months after their course closed', () => {
      afterEach(() => {
        now = undefined;
      });

      it('deletes the marks of a course closed the day before the cutoff, keeps the rest, and the export shows what is left', async () => {
        // On 15 March 2027 the cutoff of progressMarks is 15 March 2026: closed on the 14th is past it.
        const [past, kept, open] = [await newCourse(), await newCourse(), await newCourse()];
        for (const courseId of [past, kept, open]) {
          await defineActivities(courseId);
          await declare('teacher.01', courseId, 'intro', { done: true });
          await declare('teacher.01', courseId, 'phonics-video', { done: true });
          await declare('teacher.02', courseId, 'class-visit', { done: true });
        }
        await deliver(harness.bus, closingOf(past, '2026-03-14'));
        await deliver(harness.bus, closingOf(kept, '2026-03-15'));
        await harness.bus.idle();

        now = new Date('2027-03-15T02:00:00Z');
        await progress.runRetentionOnce();
        const afterFirstPass = await myData('teacher.01');
        await progress.runRetentionOnce();
        const afterSecondPass = await myData('teacher.01');

        expect(afterFirstPass.status).toBe(200);
        const exported: PersonalDataExport = afterFirstPass.body;
        expect(recordsOf(exported, 'completion-marks', past)).toEqual([]);
        expect(recordsOf(exported, 'completion-marks', kept)).toHaveLength(2);
        expect(recordsOf(exported, 'completion-marks', open)).toHaveLength(2);
        // The replica stays while the course exists (whileMember), purged course included.
        for (const courseId of [past, kept, open]) {
          expect(recordsOf(exported, 'course-rosters', courseId)).toHaveLength(1);
        }
        expect(afterSecondPass.body).toEqual(exported);
        // Every participant's marks went, not only the one who asked for his data.
        expect((await trainerView(past)).map((row: { done: number }) => row.done)).toEqual([0, 0]);
        expect((await trainerView(kept)).map((row: { done: number }) => row.done).sort()).toEqual([1, 2]);
        // The activity list describes the course, not a person: untouched.
        const list = await harness.call('teacher.01', 'GET', `${base(past)}/activities`);
        expect(list.status).toBe(200);
        expect(list.body.map(({ id }: { id: string }) => id)).toEqual(activities.map(({ id }) => id));
      });
    });

    describe('withdrawal (L1)', () => {
      it('removes a withdrawn teacher from the view and deletes his marks; re-enrolling starts fresh', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        await declare('teacher.01', courseId, 'intro', { done: true });
        await declare('teacher.01', courseId, 'phonics-video', { done: true });
        await deliver(harness.bus, withdrawalOf(courseId, 'teacher.01'));
        await harness.bus.idle();
        const rows = await trainerView(courseId);
        expect(rows.map((row: { userId: string }) => row.userId)).toEqual([userIdOf('teacher.02')]);
        const gone = await harness.call('teacher.01', 'GET', `${base(courseId)}/progress/me`);
        expect(gone).toMatchObject({ status: 404, body: { code: 'COURSE_NOT_FOUND' } });
        await deliver(harness.bus, enrollmentOf(courseId, 'teacher.01'));
        await harness.bus.idle();
        expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 0, total: 3, percent: 0 });
      });

      it('keeps the marks made after re-enrolling when an old withdrawal is delivered again', async () => {
        const courseId = await newCourse();
        await defineActivities(courseId);
        const withdrawal = withdrawalOf(courseId, 'teacher.01');
        await deliver(harness.bus, withdrawal);
        await deliver(harness.bus, enrollmentOf(courseId, 'teacher.01'));
        await harness.bus.idle();
        await declare('teacher.01', courseId, 'intro', { done: true });
        await deliver(harness.bus, withdrawal);
        await harness.bus.idle();
        expect(await myBar('teacher.01', courseId)).toMatchObject({ done: 1 });
      });
    });
  });
}
