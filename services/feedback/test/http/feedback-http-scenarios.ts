import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import { courseUpdated, createEvent, topics } from '@relais/contracts';
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
import type { FeedbackModule } from '../../src/compose';

export interface FeedbackUnderTest {
  build(options: { verifier: TokenVerifier; limits: Partial<FeedbackLimits>; clock: Clock }): FeedbackModule;
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
 * Every Feedback row of docs/api.md over HTTP, run on both adapters: in memory (unit) and on the real
 * database (integration). Tokens are real ones of the demo realm.
 */
export function describeFeedbackOverHttp(adapterName: string, open: () => Promise<FeedbackUnderTest>): void {
  describe(`feedback over HTTP: ${adapterName}`, () => {
    let service: FeedbackUnderTest;
    let harness: ServiceHarness;
    let feedback: FeedbackModule;
    let now = new Date('2026-11-02T09:00:00Z');
    const limits = { feedbackPerDay: 3, authorRepliesPerDay: 3, messagesPerDay: 3 };

    beforeAll(async () => {
      service = await open();
      const clock = { now: () => now };
      harness = await startServiceHarness((verifierFor) => {
        feedback = service.build({ verifier: verifierFor('relais-feedback'), limits, clock });
        return [feedback];
      });
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
    /** Facts saved with the items of a course and not yet published by the outbox relay. */
    const pendingFactsOf = async (courseId: string) =>
      (await service.storedDocuments())
        .map((document) => document as { courseId?: string; outbox?: unknown[] })
        .filter((document) => document.courseId === courseId)
        .reduce((pending, document) => pending + (document.outbox?.length ?? 0), 0);
    const allFactsPublished = () =>
      eventually(async () => {
        const documents = (await service.storedDocuments()) as { outbox?: unknown[] }[];
        return documents.every((document) => (document.outbox?.length ?? 0) === 0) ? true : undefined;
      });
    const facts = () =>
      harness.bus
        .records(topics.feedbackFacts)
        .map((record) => JSON.parse(record.value ?? '{}') as { type: string; data: Record<string, unknown> });

    it('accepts an anonymous item in a course of 5 participants', async () => {
      const courseId = await course(teachers(1, 5));
      const posted = await post('teacher.01', courseId);
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
    });

    it('refuses an anonymous item in a course of 4 participants with 409 ANONYMITY_THRESHOLD, and takes it named', async () => {
      const courseId = await course(teachers(1, 4));
      await allFactsPublished();
      const before = facts().length;
      const refused = await post('teacher.01', courseId);
      expect(refused).toMatchObject({ status: 409, body: { status: 409, code: 'ANONYMITY_THRESHOLD' } });
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body.detail).toMatch(/fewer than 5 participants/);
      expect(refused.body.detail).toMatch(/anonymous/);
      expect(refused.body.detail).toMatch(/named/);
      expect((await trainerView(courseId)).body.items).toEqual([]);
      expect(await pendingFactsOf(courseId)).toBe(0);
      expect((await post('teacher.01', courseId, { ...anonymousPost, visibility: 'named' })).status).toBe(
        201,
      );
      // The refusal published nothing: the named item's fact is the only new one.
      await allFactsPublished();
      expect(facts().length).toBe(before + 1);
    });

    it('does not count trainers as participants for the anonymity threshold', async () => {
      const courseId = await course(teachers(1, 4), ['trainer.alice', 'trainer.bruno', 'trainer.chloe']);
      expect(await post('teacher.02', courseId)).toMatchObject({
        status: 409,
        body: { code: 'ANONYMITY_THRESHOLD' },
      });
    });

    it('publishes the feedback policy to every signed-in user', async () => {
      for (const username of ['teacher.01', 'trainer.alice', 'ministry.dne']) {
        const policy = await harness.call(username, 'GET', '/api/feedback/policy');
        expect(policy).toMatchObject({
          status: 200,
          body: {
            anonymityThreshold: 5,
            messageMaxLength: 2_000,
            categories: [
              'technical-access',
              'tool-usability',
              'workload-time',
              'content-relevance',
              'support-guidance',
              'other',
            ],
            intensity: { min: 1, max: 5 },
          },
        });
      }
      expect((await harness.call(undefined, 'GET', '/api/feedback/policy')).status).toBe(401);
    });

    it('tells a member whether anonymous sending is available in his course now, and nobody else', async () => {
      const small = await course(teachers(1, 4));
      const large = await course(teachers(1, 5));
      const options = (username: string, courseId: string) =>
        harness.call(username, 'GET', `/api/feedback/courses/${courseId}/feedback-options`);
      expect(await options('teacher.01', small)).toMatchObject({
        status: 200,
        body: { anonymityThreshold: 5, anonymousAvailable: false },
      });
      expect(await options('teacher.01', large)).toMatchObject({
        status: 200,
        body: { anonymityThreshold: 5, anonymousAvailable: true },
      });
      expect(await options('trainer.alice', large)).toMatchObject({
        status: 200,
        body: { anonymousAvailable: true },
      });
      expect(await options('teacher.06', large)).toMatchObject({
        status: 404,
        body: { code: 'COURSE_NOT_FOUND' },
      });
      expect((await options('trainer.bruno', large)).status).toBe(404);
      expect((await options('ministry.dne', large)).status).toBe(403);
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
      expect(named.author).toEqual({ name: demoNameOf('teacher.02'), formerParticipant: false });
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
      const courseId = await course(teachers(10, 14));
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

    it('keeps every item of a teacher who withdraws exactly as the trainer saw it: anonymous unchanged, named marked as from a former participant', async () => {
      const leaver = 'teacher.15';
      const courseId = await course(teachers(15, 20));
      const { body: firstAnonymous } = await post(leaver, courseId);
      const { body: secondAnonymous } = await post(leaver, courseId, {
        ...anonymousPost,
        category: 'technical-access',
        intensity: 2,
        message: 'The platform logs me out during the videos.',
      });
      const { body: named } = await post(leaver, courseId, { ...anonymousPost, visibility: 'named' });
      await post('teacher.16', courseId);
      await harness.call('trainer.alice', 'POST', `/api/feedback/feedback/${firstAnonymous.id}/replies`, {
        message: 'Let us talk about it on Thursday.',
      });
      await harness.call(leaver, 'POST', `/api/feedback/feedback/${firstAnonymous.id}/replies`, {
        message: 'Thank you.',
      });
      await harness.call('trainer.alice', 'PATCH', `/api/feedback/feedback/${secondAnonymous.id}`, {
        status: 'addressed',
      });
      await harness.bus.idle();
      await allFactsPublished();
      const before = (await trainerView(courseId)).body;
      const factsBefore = facts().length;
      expect(before.items).toHaveLength(4);
      expect(before.items.find((item: { id: string }) => item.id === named.id).author).toEqual({
        name: demoNameOf(leaver),
        formerParticipant: false,
      });

      await publishWithdrawal(harness.bus, courseId, leaver);
      await harness.bus.idle();
      const after = (await trainerView(courseId)).body;

      // Same list, same order, same counts; anonymous items identical to the byte.
      expect(after.items.map((item: { id: string }) => item.id)).toEqual(
        before.items.map((item: { id: string }) => item.id),
      );
      expect({ openItems: after.openItems, counts: after.counts }).toEqual({
        openItems: before.openItems,
        counts: before.counts,
      });
      const anonymousOf = (view: { items: { visibility: string }[] }) =>
        view.items.filter((item) => item.visibility === 'anonymous');
      expect(anonymousOf(after)).toEqual(anonymousOf(before));
      expect(anonymousOf(after)).toHaveLength(3);
      // The named item stays as written, now shown as from a former participant.
      const namedBefore = before.items.find((item: { id: string }) => item.id === named.id);
      const namedAfter = after.items.find((item: { id: string }) => item.id === named.id);
      expect(namedAfter).toEqual({
        ...namedBefore,
        author: { name: demoNameOf(leaver), formerParticipant: true },
      });
      // The departure writes no fact: nothing can tell stats whose items these were.
      expect(await pendingFactsOf(courseId)).toBe(0);
      expect(facts().length).toBe(factsBefore);
    });

    it('lets a teacher who left keep his own items and their replies: he reads, answers and withdraws them', async () => {
      const leaver = 'teacher.17';
      const courseId = await course(teachers(15, 20));
      const { body: anonymous } = await post(leaver, courseId);
      const { body: named } = await post(leaver, courseId, { ...anonymousPost, visibility: 'named' });
      await harness.call('trainer.alice', 'POST', `/api/feedback/feedback/${anonymous.id}/replies`, {
        message: 'We will lighten the next module.',
      });
      await publishWithdrawal(harness.bus, courseId, leaver);
      await harness.bus.idle();

      const mine = await harness.call(leaver, 'GET', '/api/feedback/me/feedback');
      expect(mine.status).toBe(200);
      const ownIds = mine.body.map((item: { id: string }) => item.id);
      expect(ownIds).toEqual(expect.arrayContaining([anonymous.id, named.id]));
      expect(mine.body.find((item: { id: string }) => item.id === anonymous.id)).toMatchObject({
        courseTitle: 'A course for tests',
        status: 'acknowledged',
        replies: [expect.objectContaining({ by: 'trainer', message: 'We will lighten the next module.' })],
      });
      // Nobody else is shown his items.
      const colleague = await harness.call('teacher.18', 'GET', '/api/feedback/me/feedback');
      expect(colleague.body.map((item: { id: string }) => item.id)).not.toContain(anonymous.id);

      expect(
        (
          await harness.call(leaver, 'POST', `/api/feedback/feedback/${anonymous.id}/replies`, {
            message: 'Thank you, even though I had to stop.',
          })
        ).status,
      ).toBe(201);
      expect((await harness.call(leaver, 'DELETE', `/api/feedback/feedback/${named.id}`)).status).toBe(204);
      const view = (await trainerView(courseId)).body;
      expect(view.items.map((item: { id: string }) => item.id)).toEqual([anonymous.id]);
      expect(view.items[0].replies.at(-1)).toEqual({
        id: expect.any(String),
        by: 'author',
        message: 'Thank you, even though I had to stop.',
        postedOn: '2026-11-02',
      });
    });

    it('gives each person what is held about him: signed items and messages in /me/data, anonymous ones only at the author’s own request', async () => {
      const [author, colleague] = ['teacher.31', 'teacher.32'];
      const courseId = await course(teachers(31, 36), ['trainer.chloe']);
      const signedText = 'Le module 2 ne s’ouvre pas chez moi.';
      const anonymousText = 'Je suis à bout, ce parcours me prend mes soirées.';
      const { body: signed } = await post(author, courseId, {
        ...anonymousPost,
        visibility: 'named',
        message: signedText,
      });
      const { body: anonymous } = await post(author, courseId, { ...anonymousPost, message: anonymousText });
      await harness.call('trainer.chloe', 'POST', `/api/feedback/feedback/${anonymous.id}/replies`, {
        message: 'Parlons-en jeudi.',
      });
      await harness.call(author, 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: userIdOf(colleague),
        message: 'On prépare la séance ensemble ?',
      });
      type Answer = { kinds: { kind: string; records: Record<string, unknown>[] }[] };
      const answer = async (username: string, path: string) => {
        const response = await harness.call(username, 'GET', `/api/feedback/me/data${path}`);
        expect(response.status).toBe(200);
        return response.body as Answer;
      };
      const recordsOf = (exported: Answer, kind: string) =>
        exported.kinds.find((candidate) => candidate.kind === kind)?.records ?? [];

      const main = await answer(author, '');
      expect(recordsOf(main, 'named-feedback')).toEqual([
        expect.objectContaining({ itemId: signed.id, message: signedText, authorName: demoNameOf(author) }),
      ]);
      expect(recordsOf(main, 'messages')).toEqual([
        expect.objectContaining({ direction: 'envoyé', counterpartName: demoNameOf(colleague) }),
      ]);
      for (const kind of ['anonymous-feedback', 'feedback-authorship', 'daily-quota']) {
        expect({ kind, records: recordsOf(main, kind) }).toEqual({ kind, records: [] });
      }
      expect(JSON.stringify(main)).not.toContain(anonymous.id);
      expect(JSON.stringify(main)).not.toContain(anonymousText);

      const own = await answer(author, '/anonymous-authorship');
      expect(recordsOf(own, 'anonymous-feedback')).toEqual([
        expect.objectContaining({
          itemId: anonymous.id,
          message: anonymousText,
          replies: [expect.objectContaining({ by: 'formateur', message: 'Parlons-en jeudi.' })],
        }),
      ]);
      expect(recordsOf(own, 'feedback-authorship')).toEqual([{ courseId }]);
      expect(recordsOf(own, 'daily-quota')).toEqual(
        expect.arrayContaining([
          { action: 'retour', courseId, day: '2026-11-02', used: 2 },
          { action: 'message', courseId, day: '2026-11-02', used: 1 },
        ]),
      );

      const ofColleague = JSON.stringify(await answer(colleague, '/anonymous-authorship'));
      const ofTrainer = JSON.stringify([
        await answer('trainer.chloe', ''),
        await answer('trainer.chloe', '/anonymous-authorship'),
      ]);
      for (const exported of [ofColleague, ofTrainer]) {
        expect(exported).not.toContain(anonymousText);
        expect(exported).not.toContain(userIdOf(author));
        expect(exported).not.toContain(demoNameOf(author));
      }
      expect(ofColleague).not.toContain(anonymous.id);
      expect(ofTrainer).toContain('Parlons-en jeudi.');
    });

    it.each([
      ['an unknown category', { category: 'salary' }],
      ['an intensity of 0', { intensity: 0 }],
      ['an intensity of 6', { intensity: 6 }],
      ['a fractional intensity', { intensity: 2.5 }],
      ['an empty message', { message: '' }],
      ['a message of spaces only', { message: '   ' }],
      ['a message of a vertical tab only', { message: '\u000b' }],
      ['a message of no-break spaces and line breaks only', { message: '\u00a0\n\r\t\ufeff' }],
      ['a message with a NUL character', { message: 'A remark\u0000.' }],
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

    it('answers 400 problem+json to a blank reply, from the trainer or the author', async () => {
      const courseId = await course(teachers(22, 26));
      const { body: item } = await post('teacher.22', courseId);
      for (const username of ['trainer.alice', 'teacher.22']) {
        const reply = await harness.call(username, 'POST', `/api/feedback/feedback/${item.id}/replies`, {
          message: ' \u000b ',
        });
        expect(reply).toMatchObject({ status: 400, body: { status: 400, code: expect.any(String) } });
      }
    });

    it('accepts a message of exactly 2,000 characters', async () => {
      const courseId = await course(teachers(22, 26));
      expect(
        (await post('teacher.22', courseId, { ...anonymousPost, message: 'x'.repeat(2_000) })).status,
      ).toBe(201);
    });

    it('counts a message’s length in characters, as its JSON Schema maxLength does, not in UTF-16 units', async () => {
      const courseId = await course(teachers(22, 26));
      // 2,000 characters, 4,000 UTF-16 units: allowed by the document, so accepted.
      expect(
        (await post('teacher.23', courseId, { ...anonymousPost, message: '😀'.repeat(2_000) })).status,
      ).toBe(201);
      expect(
        (await post('teacher.23', courseId, { ...anonymousPost, message: '😀'.repeat(2_001) })).status,
      ).toBe(400);
    });

    it('stops a participant from flooding a trainer: 429 with Retry-After and a clear detail', async () => {
      const courseId = await course(teachers(23, 27));
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
      expect(await send(userIdOf('trainer.alice'), '\u000b')).toMatchObject({
        status: 400,
        body: { detail: expect.stringMatching(/something other than spaces/) },
      });
      expect(await send('not-a-member-of-this-course')).toMatchObject({
        status: 422,
        body: { code: 'RECIPIENT_NOT_IN_COURSE' },
      });
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

    // Last: its pass, on a day two years on, forgets the daily quota slots the tests above used.
    describe('retention (ADR 0032): items 24 months after their course closed, messages 12', () => {
      /** What enrollment publishes when the course is closed on `day`: the replica records that day. */
      const closeOn = async (courseId: string, day: string) => {
        const closing = createEvent(
          courseUpdated,
          {
            courseId,
            academy: 'lyon',
            title: 'A course for tests',
            status: 'closed',
            trainers: [{ userId: userIdOf('trainer.alice'), name: demoNameOf('trainer.alice') }],
          },
          { source: 'enrollment', correlationId: randomUUID(), now: new Date(`${day}T16:00:00Z`) },
        );
        await harness.bus.publish(closing.topic, [{ key: closing.key, envelope: closing.envelope }]);
      };
      type Answer = { kinds: { kind: string; records: Record<string, unknown>[] }[] };
      const answer = async (username: string, path = '') => {
        const response = await harness.call(username, 'GET', `/api/feedback/me/data${path}`);
        expect(response.status).toBe(200);
        return response.body as Answer;
      };
      const coursesIn = (exported: Answer, kind: string) =>
        (exported.kinds.find((candidate) => candidate.kind === kind)?.records ?? []).map(
          (record) => record['courseId'],
        );
      afterEach(() => {
        now = new Date('2026-11-02T09:00:00Z');
      });

      it('deletes both kinds of items of a course closed the day before the cutoff, keeps those closed on it, and /me/data shows what is left', async () => {
        const [author, colleague] = ['teacher.37', 'teacher.38'];
        const [past, kept, open] = [
          await course(teachers(36, 40)),
          await course(teachers(36, 40)),
          await course(teachers(36, 40)),
        ];
        for (const courseId of [past, kept, open]) {
          await post(author, courseId, { ...anonymousPost, visibility: 'named' });
          const { body: anonymous } = await post(author, courseId);
          await harness.call('trainer.alice', 'POST', `/api/feedback/feedback/${anonymous.id}/replies`, {
            message: 'Parlons-en jeudi.',
          });
          await harness.call(author, 'POST', `/api/feedback/courses/${courseId}/messages`, {
            toUserId: userIdOf(colleague),
            message: 'On prépare la séance ensemble ?',
          });
        }
        // On 15 November 2028 the items' cutoff is 15 November 2026, the messages' 15 November 2027.
        await closeOn(past, '2026-11-14');
        await closeOn(kept, '2026-11-15');
        await harness.bus.idle();
        await allFactsPublished();
        const factsBefore = facts().length;

        now = new Date('2028-11-15T08:00:00Z');
        await feedback.runRetentionOnce();
        const [signed, own, ofTrainer] = [
          await answer(author),
          await answer(author, '/anonymous-authorship'),
          await answer('trainer.alice'),
        ];

        expect(coursesIn(signed, 'named-feedback').sort()).toEqual([kept, open].sort());
        expect(coursesIn(own, 'anonymous-feedback').sort()).toEqual([kept, open].sort());
        expect(coursesIn(own, 'feedback-authorship').sort()).toEqual([kept, open].sort());
        const trainerReplies = coursesIn(ofTrainer, 'trainer-replies');
        expect([past, kept, open].map((courseId) => trainerReplies.includes(courseId))).toEqual([
          false,
          true,
          true,
        ]);
        // Both closed courses are past their messages' 12 months; the open one keeps its message.
        expect(coursesIn(signed, 'messages')).toEqual([open]);
        // The quota's slots of 2026 were of days long gone.
        expect(coursesIn(own, 'daily-quota')).toEqual([]);
        // The replica stays while the course exists (whileMember), the purged course's included.
        expect(coursesIn(signed, 'course-rosters')).toEqual(expect.arrayContaining([past, kept, open]));
        expect((await trainerView(past)).body).toMatchObject({ items: [], openItems: 0 });
        expect((await trainerView(kept)).body.items).toHaveLength(2);
        // The anonymous facts stats counted from these items were published, and stay as they were.
        expect(facts()).toHaveLength(factsBefore);

        // A second pass forgets nothing more.
        await feedback.runRetentionOnce();
        expect(await answer(author)).toEqual(signed);
        expect(await answer(author, '/anonymous-authorship')).toEqual(own);
      });
    });
  });
}
