import type { TokenVerifier } from '@relais/auth';
import { topics } from '@relais/contracts';
import type { ServiceModule } from '@relais/host';
import {
  demoNameOf,
  eventually,
  publishCourseWithMembers,
  publishWithdrawal,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import type { Clock } from '../../src/application/ports';
import type { FeedbackLimits } from '../../src/application/quotas';

export interface FeedbackUnderTest {
  build(options: { verifier: TokenVerifier; limits: Partial<FeedbackLimits>; clock: Clock }): ServiceModule;
  /** Everything the service stored, as raw documents: what a database reader would see. */
  storedDocuments(): Promise<unknown[]>;
  close?(): Promise<void>;
}

const teachers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `teacher.${String(from + i).padStart(2, '0')}`);

/** A school code of the demo realm (teacher.01–05): it must never reach a trainer. */
const schoolOfTeacher01 = '0690001A';

const anonymousPost = {
  category: 'workload-time',
  intensity: 5,
  message: 'I cannot cope with the workload of this course on top of my class.',
  visibility: 'anonymous',
};

/**
 * Every Feedback row of API.md over HTTP, run on both adapters: in memory (unit) and on the real
 * database (integration). Tokens are real ones of the demo realm.
 */
export function describeFeedbackOverHttp(adapterName: string, open: () => Promise<FeedbackUnderTest>): void {
  describe(`feedback over HTTP: ${adapterName}`, () => {
    let service: FeedbackUnderTest;
    let harness: ServiceHarness;
    let now = new Date('2026-11-02T09:00:00Z');
    const limits = { feedbackPerDay: 3, authorRepliesPerDay: 3, messagesPerDay: 3 };

    beforeAll(async () => {
      service = await open();
      const clock = { now: () => now };
      harness = await startServiceHarness((verifierFor) => [
        service.build({ verifier: verifierFor('relais-feedback'), limits, clock }),
      ]);
    });
    afterAll(async () => {
      await harness.stop();
      await service.close?.();
    });

    async function course(participants: string[], trainers = ['trainer.alice']): Promise<string> {
      const courseId = await publishCourseWithMembers(harness.bus, { trainers, participants });
      await harness.bus.idle();
      return courseId;
    }
    const post = (username: string, courseId: string, body: unknown = anonymousPost) =>
      harness.call(username, 'POST', `/api/feedback/courses/${courseId}/feedback`, body);
    const trainerView = (courseId: string, trainer = 'trainer.alice') =>
      harness.call(trainer, 'GET', `/api/feedback/courses/${courseId}/feedback`);
    const facts = () =>
      harness.bus
        .records(topics.feedbackFacts)
        .map((record) => JSON.parse(record.value ?? '{}') as { type: string; data: Record<string, unknown> });

    it('lets a participant post anonymously and warns him when the course is too small to hide him', async () => {
      const small = await course(teachers(1, 3));
      const posted = await post('teacher.01', small);
      expect(posted).toMatchObject({
        status: 201,
        body: {
          ...anonymousPost,
          status: 'open',
          replies: [],
          daysToFirstReply: null,
          postedOn: '2026-11-02',
        },
      });
      expect(posted.body.notice).toMatch(/fewer than 5 participants/);

      const large = await course(teachers(1, 6));
      expect((await post('teacher.01', large)).body.notice).toBeUndefined();
      expect(
        (await post('teacher.01', large, { ...anonymousPost, visibility: 'named' })).body.notice,
      ).toBeUndefined();
    });

    it('shows trainers the items without anything that leads to an anonymous author, and counts the open ones', async () => {
      const courseId = await course(teachers(1, 6));
      await post('teacher.01', courseId);
      await post('teacher.02', courseId, {
        ...anonymousPost,
        visibility: 'named',
        category: 'tool-usability',
      });
      const view = await trainerView(courseId);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        courseId,
        openItems: 2,
        counts: { open: 2, acknowledged: 0, addressed: 0 },
      });

      const anonymous = view.body.items.find(
        (item: { visibility: string }) => item.visibility === 'anonymous',
      );
      const named = view.body.items.find((item: { visibility: string }) => item.visibility === 'named');
      expect(named.author).toEqual({ name: demoNameOf('teacher.02') });
      expect(anonymous.author).toBeUndefined();
      expect(Object.keys(anonymous).sort()).toEqual(
        [
          'id',
          'courseId',
          'category',
          'intensity',
          'message',
          'visibility',
          'status',
          'postedOn',
          'daysToFirstReply',
          'replies',
        ].sort(),
      );
      const anonymousJson = JSON.stringify(anonymous);
      for (const secret of [
        userIdOf('teacher.01'),
        demoNameOf('teacher.01'),
        'teacher.01',
        schoolOfTeacher01,
      ]) {
        expect(anonymousJson).not.toContain(secret);
      }
      // Nothing in the whole response leads to teacher.01, who did not give his name.
      expect(JSON.stringify(view.body)).not.toContain(userIdOf('teacher.01'));
      expect(JSON.stringify(view.body)).not.toContain(demoNameOf('teacher.01'));
    });

    it('stores an anonymous item without its author’s id, name or school', async () => {
      const author = 'teacher.03';
      const courseId = await course(teachers(1, 6));
      const posted = await post(author, courseId, {
        ...anonymousPost,
        message: 'A text to find in the store.',
      });
      await harness.call(author, 'POST', `/api/feedback/feedback/${posted.body.id}/replies`, {
        message: 'More.',
      });
      const stored = (await service.storedDocuments()).filter((document) =>
        JSON.stringify(document).includes(posted.body.id),
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(JSON.stringify(stored)).toContain('A text to find in the store.');
      for (const secret of [userIdOf(author), demoNameOf(author), author, '0690001A']) {
        expect(JSON.stringify(stored)).not.toContain(secret);
      }
    });

    it('carries replies between trainer and author, measures responsiveness in days, and publishes anonymous facts', async () => {
      const courseId = await course(teachers(7, 12));
      now = new Date('2026-11-02T09:00:00Z');
      const posted = await post('teacher.07', courseId);
      now = new Date('2026-11-05T16:00:00Z');
      const reply = await harness.call(
        'trainer.alice',
        'POST',
        `/api/feedback/feedback/${posted.body.id}/replies`,
        {
          message: 'Take the optional activities off your list; we will talk on Thursday.',
        },
      );
      expect(reply).toMatchObject({ status: 201, body: { status: 'acknowledged', daysToFirstReply: 3 } });
      expect(reply.body.replies).toEqual([
        expect.objectContaining({ by: 'trainer', name: demoNameOf('trainer.alice'), postedOn: '2026-11-05' }),
      ]);

      const answer = await harness.call(
        'teacher.07',
        'POST',
        `/api/feedback/feedback/${posted.body.id}/replies`,
        {
          message: 'Thank you.',
        },
      );
      expect(answer.status).toBe(201);
      const mine = await harness.call('teacher.07', 'GET', '/api/feedback/me/feedback');
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual([
        expect.objectContaining({
          id: posted.body.id,
          courseTitle: 'A course for tests',
          status: 'acknowledged',
          replies: [
            expect.objectContaining({ by: 'trainer' }),
            expect.objectContaining({ by: 'author', message: 'Thank you.' }),
          ],
        }),
      ]);
      const seenByTrainer = (await trainerView(courseId)).body.items[0];
      expect(seenByTrainer.replies[1]).toEqual({
        id: expect.any(String),
        by: 'author',
        message: 'Thank you.',
        postedOn: '2026-11-05',
      });

      const measured = await eventually(async () =>
        facts().find(
          (fact) => fact.type === 'feedback.first-reply.measured.v1' && fact.data['daysToFirstReply'] === 3,
        ),
      );
      expect(measured.data).toEqual({
        month: '2026-11',
        academy: 'lyon',
        category: 'workload-time',
        intensityBand: 'high',
        daysToFirstReply: 3,
      });
      const published = JSON.stringify(facts());
      for (const secret of [
        courseId,
        posted.body.id,
        userIdOf('teacher.07'),
        demoNameOf('teacher.07'),
        anonymousPost.message,
      ]) {
        expect(published).not.toContain(secret);
      }
      now = new Date('2026-11-02T09:00:00Z');
    });

    it('says in each fact only in which cells the teacher is a new respondent this month', async () => {
      const courseId = await course(['teacher.13', 'teacher.14']);
      const before = facts().length;
      await post('teacher.13', courseId, { ...anonymousPost, category: 'other', intensity: 1 });
      await post('teacher.13', courseId, { ...anonymousPost, category: 'other', intensity: 2 });
      await post('teacher.13', courseId, { ...anonymousPost, category: 'technical-access', intensity: 1 });
      const counted = await eventually(async () => {
        const mine = facts()
          .slice(before)
          .filter((fact) => fact.type === 'feedback.contribution.counted.v1');
        return mine.length === 3 ? mine : undefined;
      });
      const cellsOf = (category: string) =>
        counted.find((fact) => fact.data['category'] === category && fact.data['intensityBand'] === 'low')!
          .data['firstContributionIn'];
      expect(counted.filter((fact) => fact.data['category'] === 'other')).toHaveLength(2);
      // The second "other" item adds no respondent anywhere; the third is new only where category matters.
      expect(
        counted
          .filter((fact) => fact.data['category'] === 'other')
          .map((fact) => (fact.data['firstContributionIn'] as string[]).length)
          .sort(),
      ).toEqual([0, 8]);
      expect([...(cellsOf('technical-access') as string[])].sort()).toEqual(
        ['category', 'academy+category', 'category+intensityBand', 'academy+category+intensityBand'].sort(),
      );
    });

    it('moves statuses forward for trainers, lets the author reopen, and refuses what makes no sense', async () => {
      const courseId = await course(teachers(1, 6));
      const { body: item } = await post('teacher.04', courseId);
      const patch = (username: string, status: string) =>
        harness.call(username, 'PATCH', `/api/feedback/feedback/${item.id}`, { status });

      expect(await patch('trainer.alice', 'addressed')).toMatchObject({
        status: 200,
        body: { status: 'addressed' },
      });
      expect(await patch('trainer.alice', 'open')).toMatchObject({
        status: 409,
        body: { code: 'INVALID_STATUS_TRANSITION' },
      });
      expect(await patch('teacher.04', 'acknowledged')).toMatchObject({
        status: 403,
        body: { code: 'STATUS_RESERVED_TO_TRAINERS' },
      });
      expect(await patch('teacher.04', 'open')).toMatchObject({ status: 200, body: { status: 'open' } });
      expect(await patch('teacher.04', 'open')).toMatchObject({ status: 200, body: { status: 'open' } });
      expect(await patch('trainer.alice', 'acknowledged')).toMatchObject({
        status: 200,
        body: { status: 'acknowledged' },
      });
      expect(await patch('teacher.04', 'open')).toMatchObject({
        status: 409,
        body: { code: 'INVALID_STATUS_TRANSITION' },
      });
      expect(await patch('trainer.alice', 'closed')).toMatchObject({ status: 400 });
    });

    it('lets the author withdraw an item: it leaves the trainers’ view and his own', async () => {
      const courseId = await course(teachers(1, 6));
      const { body: kept } = await post('teacher.05', courseId);
      const { body: withdrawn } = await post('teacher.05', courseId, {
        ...anonymousPost,
        message: 'Never mind.',
      });
      expect(
        (await harness.call('teacher.05', 'DELETE', `/api/feedback/feedback/${withdrawn.id}`)).status,
      ).toBe(204);
      expect((await trainerView(courseId)).body.items.map((item: { id: string }) => item.id)).toEqual([
        kept.id,
      ]);
      const mine = await harness.call('teacher.05', 'GET', '/api/feedback/me/feedback');
      expect(mine.body.map((item: { id: string }) => item.id)).not.toContain(withdrawn.id);
      expect(
        (await harness.call('teacher.05', 'DELETE', `/api/feedback/feedback/${withdrawn.id}`)).status,
      ).toBe(404);
      const stored = JSON.stringify(await service.storedDocuments());
      expect(stored).not.toContain('Never mind.');
    });

    it('takes a withdrawn teacher’s items out of the trainers’ view, named or anonymous', async () => {
      const courseId = await course(teachers(15, 20));
      await post('teacher.15', courseId);
      await post('teacher.15', courseId, { ...anonymousPost, visibility: 'named' });
      const { body: stays } = await post('teacher.16', courseId);
      await publishWithdrawal(harness.bus, courseId, 'teacher.15');
      await harness.bus.idle();
      const view = await trainerView(courseId);
      expect(view.body.items.map((item: { id: string }) => item.id)).toEqual([stays.id]);
      expect(view.body.openItems).toBe(1);
    });

    it.each([
      ['an unknown category', { category: 'salary' }],
      ['an intensity of 0', { intensity: 0 }],
      ['an intensity of 6', { intensity: 6 }],
      ['a fractional intensity', { intensity: 2.5 }],
      ['an empty message', { message: '   ' }],
      ['a message over 2,000 characters', { message: 'x'.repeat(2_001) }],
      ['an unknown visibility', { visibility: 'secret' }],
      ['a field that is not recorded', { timeSpentSeconds: 300 }],
    ])('answers 400 problem+json to %s', async (_case, change) => {
      const courseId = await course(['teacher.21']);
      const response = await post('teacher.21', courseId, { ...anonymousPost, ...change });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 400,
        code: expect.any(String),
        detail: expect.any(String),
      });
    });

    it('accepts a message of exactly 2,000 characters', async () => {
      const courseId = await course(['teacher.22']);
      expect(
        (await post('teacher.22', courseId, { ...anonymousPost, message: 'x'.repeat(2_000) })).status,
      ).toBe(201);
    });

    it('stops a participant from flooding a trainer: 429 with Retry-After and a clear detail', async () => {
      const courseId = await course(['teacher.23', 'teacher.24']);
      for (let i = 0; i < limits.feedbackPerDay; i += 1)
        expect((await post('teacher.23', courseId)).status).toBe(201);
      const refused = await post('teacher.23', courseId);
      expect(refused).toMatchObject({ status: 429, body: { code: 'DAILY_LIMIT_REACHED' } });
      expect(refused.body.detail).toMatch(/at most 3 feedback items a day/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post('teacher.24', courseId)).status).toBe(201);

      const { body: item } = await post('teacher.24', courseId);
      const replyOf = (n: number) =>
        harness.call('teacher.24', 'POST', `/api/feedback/feedback/${item.id}/replies`, {
          message: `more ${n}`,
        });
      for (let i = 0; i < limits.authorRepliesPerDay; i += 1) expect((await replyOf(i)).status).toBe(201);
      expect(await replyOf(99)).toMatchObject({ status: 429, body: { code: 'DAILY_LIMIT_REACHED' } });

      now = new Date('2026-11-03T09:00:00Z');
      expect((await post('teacher.23', courseId)).status).toBe(201);
      now = new Date('2026-11-02T09:00:00Z');
    });

    it('carries 1:1 messages within a course only, and limits them too', async () => {
      const courseId = await course(['teacher.25', 'teacher.26']);
      const send = (toUserId: string, message = 'Shall we prepare the session together?') =>
        harness.call('teacher.25', 'POST', `/api/feedback/courses/${courseId}/messages`, {
          toUserId,
          message,
        });
      const sent = await send(userIdOf('teacher.26'));
      expect(sent).toMatchObject({
        status: 201,
        body: { from: { userId: userIdOf('teacher.25') }, to: { userId: userIdOf('teacher.26') } },
      });
      expect(await send(userIdOf('teacher.30'))).toMatchObject({
        status: 422,
        body: { code: 'RECIPIENT_NOT_IN_COURSE' },
      });
      expect((await send(userIdOf('trainer.alice'), '')).status).toBe(400);
      const inbox = await harness.call('teacher.26', 'GET', '/api/feedback/me/messages');
      expect(inbox.body).toEqual([
        expect.objectContaining({ id: sent.body.id, message: 'Shall we prepare the session together?' }),
      ]);
      expect((await send(userIdOf('trainer.alice'))).status).toBe(201);
      expect((await send(userIdOf('trainer.alice'))).status).toBe(201);
      expect(await send(userIdOf('trainer.alice'))).toMatchObject({
        status: 429,
        body: { code: 'DAILY_LIMIT_REACHED' },
      });
    });
  });
}
