import type { PersonalDataDeclaration, PersonalDataExport } from '@relais/platform';
import {
  demoNameOf,
  exportMentions,
  gapsInExport,
  publishCourseWithMembers,
  publishWithdrawal,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { anonymousAuthorshipPersonalData, feedbackPersonalData } from '../../src/application/personal-data';
import { createInMemoryFeedbackService } from '../../src/in-memory';

const teachers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `teacher.${String(from + i).padStart(2, '0')}`);

const kindsOf = (
  declaration: PersonalDataDeclaration,
  kinds: readonly string[],
): PersonalDataDeclaration => ({
  ...declaration,
  kinds: declaration.kinds.filter((kind) => kinds.includes(kind.kind)),
});

/** `GET /me/data` with the kinds of the author's own request taken from their own answer. */
function bothAnswers(main: PersonalDataExport, anonymous: PersonalDataExport): PersonalDataExport {
  return {
    ...main,
    kinds: main.kinds.map((kind) => anonymous.kinds.find((own) => own.kind === kind.kind) ?? kind),
  };
}

const recordsOf = (exported: PersonalDataExport, kind: string) =>
  exported.kinds.find((candidate) => candidate.kind === kind)?.records ?? [];

const onTheAuthorsRequest = anonymousAuthorshipPersonalData.kinds.map((kind) => kind.kind);

describe('what the feedback service holds about me', () => {
  let harness: ServiceHarness;
  let courseId: string;
  let otherCourseId: string;
  const texts = {
    named: 'Je n’arrive pas à ouvrir les vidéos du module 2.',
    anonymous: 'La charge de travail de ce parcours est trop lourde pour moi.',
    ofAnotherTeacher: 'Un retour anonyme d’une collègue, qui n’est qu’à elle.',
    trainerReply: 'Nous allons alléger le module 3.',
    authorReply: 'Merci, cela m’aidera.',
    sent: 'Veux-tu préparer la séance avec moi ?',
    received: 'Avec plaisir, jeudi ?',
    betweenOthers: 'Un message entre deux autres membres.',
  };
  const ids: Record<string, string> = {};

  const mine = async (username: string | undefined) => harness.call(username, 'GET', '/api/feedback/me/data');
  const myAnonymousAuthorship = async (username: string | undefined) =>
    harness.call(username, 'GET', '/api/feedback/me/data/anonymous-authorship');
  const exportOf = async (username: string) => (await mine(username)).body as PersonalDataExport;
  const anonymousAuthorshipOf = async (username: string) =>
    (await myAnonymousAuthorship(username)).body as PersonalDataExport;

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryFeedbackService({
        verifier: verifierFor('relais-feedback'),
        limits: { feedbackPerDay: 100, authorRepliesPerDay: 100, messagesPerDay: 100 },
      }),
    ]);
    // Nothing is published: the events of every save stay pending, as in the seconds before the relay.
    await harness.host.relay.stop();
    courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers(1, 6),
      title: 'Lire au cycle 2',
    });
    otherCourseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.bruno'],
      participants: teachers(1, 5),
    });
    await harness.bus.idle();

    const post = async (
      username: string,
      message: string,
      visibility: 'named' | 'anonymous',
      course = courseId,
    ) =>
      (
        await harness.call(username, 'POST', `/api/feedback/courses/${course}/feedback`, {
          category: 'technical-access',
          intensity: 4,
          message,
          visibility,
        })
      ).body.id as string;
    const reply = (username: string, itemId: string, message: string) =>
      harness.call(username, 'POST', `/api/feedback/feedback/${itemId}/replies`, { message });
    const send = (from: string, to: string, message: string) =>
      harness.call(from, 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: userIdOf(to),
        message,
      });

    ids['named'] = await post('teacher.01', texts.named, 'named');
    ids['anonymous'] = await post('teacher.01', texts.anonymous, 'anonymous');
    ids['ofAnotherTeacher'] = await post('teacher.02', texts.ofAnotherTeacher, 'anonymous');
    ids['inAnotherCourse'] = await post('teacher.03', 'Un retour signé ailleurs.', 'named', otherCourseId);
    for (const itemId of [ids['named']!, ids['anonymous']!, ids['ofAnotherTeacher']!]) {
      expect((await reply('trainer.alice', itemId, texts.trainerReply)).status).toBe(201);
    }
    expect((await reply('teacher.01', ids['named']!, texts.authorReply)).status).toBe(201);
    expect((await reply('teacher.01', ids['anonymous']!, texts.authorReply)).status).toBe(201);
    expect((await send('teacher.01', 'teacher.02', texts.sent)).status).toBe(201);
    expect((await send('teacher.02', 'teacher.01', texts.received)).status).toBe(201);
    expect((await send('teacher.03', 'teacher.04', texts.betweenOthers)).status).toBe(201);
  });
  afterAll(async () => harness.stop());

  it('gives a teacher who used every feature a record of every teacher kind, each declared field filled', async () => {
    const teacherKinds = feedbackPersonalData.kinds
      .map((kind) => kind.kind)
      .filter((kind) => kind !== 'trainer-replies');
    const main = await mine('teacher.01');
    const anonymous = await myAnonymousAuthorship('teacher.01');

    expect([main.status, anonymous.status]).toEqual([200, 200]);
    expect(
      gapsInExport(kindsOf(feedbackPersonalData, teacherKinds), bothAnswers(main.body, anonymous.body)),
    ).toEqual([]);
  });

  it('gives a trainer his own replies, and nothing of the items he answered nor of their authors', async () => {
    const main = await exportOf('trainer.alice');
    const anonymous = await anonymousAuthorshipOf('trainer.alice');

    // His roster entry carries no school nor status (those are a participant's): the replies are his kind.
    expect(gapsInExport(kindsOf(feedbackPersonalData, ['trainer-replies']), main)).toEqual([]);
    expect(recordsOf(main, 'course-rosters')).toEqual([
      expect.objectContaining({ courseId, role: 'formateur', name: demoNameOf('trainer.alice') }),
    ]);
    expect(recordsOf(main, 'trainer-replies')).toEqual(
      expect.arrayContaining(
        [ids['named'], ids['anonymous'], ids['ofAnotherTeacher']].map((itemId) => ({
          itemId,
          courseId,
          replyId: expect.any(String),
          yourName: demoNameOf('trainer.alice'),
          text: texts.trainerReply,
          repliedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        })),
      ),
    );
    // Nothing of anonymous authorship: no author, no item text, and no kind of his own request filled.
    for (const exported of [main, anonymous]) {
      for (const value of [
        userIdOf('teacher.01'),
        demoNameOf('teacher.01'),
        texts.anonymous,
        texts.named,
        texts.authorReply,
      ]) {
        expect({ value, mentioned: exportMentions(exported, value) }).toEqual({ value, mentioned: false });
      }
    }
    expect(anonymous.kinds.map((kind) => kind.records)).toEqual(onTheAuthorsRequest.map(() => []));
  });

  it('gives the signed items with the replies as their author reads them, and the messages both ways', async () => {
    const main = await exportOf('teacher.01');

    expect(recordsOf(main, 'named-feedback')).toEqual([
      {
        itemId: ids['named'],
        courseId,
        category: 'technical-access',
        intensity: 4,
        message: texts.named,
        authorName: demoNameOf('teacher.01'),
        status: 'acknowledged',
        postedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        firstTrainerReplyOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        replies: [
          {
            by: 'formateur',
            name: demoNameOf('trainer.alice'),
            message: texts.trainerReply,
            postedOn: expect.any(String),
          },
          {
            by: 'vous',
            name: demoNameOf('teacher.01'),
            message: texts.authorReply,
            postedOn: expect.any(String),
          },
        ],
        pendingEvents: expect.arrayContaining([
          { type: 'feedback.contribution.counted.v1', occurredOn: expect.any(String) },
          { type: 'feedback.reply.posted.v1', occurredOn: expect.any(String) },
        ]),
      },
    ]);
    expect(recordsOf(main, 'messages')).toEqual([
      expect.objectContaining({
        direction: 'reçu',
        yourName: demoNameOf('teacher.01'),
        counterpartName: demoNameOf('teacher.02'),
        text: texts.received,
      }),
      expect.objectContaining({
        direction: 'envoyé',
        yourName: demoNameOf('teacher.01'),
        counterpartName: demoNameOf('teacher.02'),
        text: texts.sent,
        pendingEvents: [{ type: 'feedback.message.sent.v1', occurredOn: expect.any(String) }],
      }),
    ]);
  });

  it('never puts an anonymous item in GET /me/data, not even its kinds', async () => {
    const main = await exportOf('teacher.01');

    for (const kind of onTheAuthorsRequest) {
      expect({ kind, listed: main.kinds.some((candidate) => candidate.kind === kind) }).toEqual({
        kind,
        listed: false,
      });
    }
    for (const value of [ids['anonymous']!, texts.anonymous]) {
      expect({ value, mentioned: exportMentions(main, value) }).toEqual({ value, mentioned: false });
    }
  });

  it('gives the author, at his own request, his anonymous items, the courses he wrote in and his writes of the day', async () => {
    const anonymous = await anonymousAuthorshipOf('teacher.01');

    expect(anonymous).toMatchObject({
      service: 'feedback',
      kinds: onTheAuthorsRequest.map((kind) => ({ kind })),
    });
    expect(recordsOf(anonymous, 'anonymous-feedback')).toEqual([
      expect.objectContaining({
        itemId: ids['anonymous'],
        courseId,
        message: texts.anonymous,
        // His own reply bears no name, as on the item the trainers read.
        replies: [
          {
            by: 'formateur',
            name: demoNameOf('trainer.alice'),
            message: texts.trainerReply,
            postedOn: expect.any(String),
          },
          { by: 'vous', message: texts.authorReply, postedOn: expect.any(String) },
        ],
      }),
    ]);
    expect(recordsOf(anonymous, 'anonymous-feedback')[0]).not.toHaveProperty('authorName');
    expect(recordsOf(anonymous, 'feedback-authorship')).toEqual([{ courseId }]);
    expect(recordsOf(anonymous, 'daily-quota')).toEqual(
      expect.arrayContaining([
        { action: 'retour', courseId, day: expect.any(String), used: 2 },
        { action: 'réponse', courseId, day: expect.any(String), used: 2 },
        { action: 'message', courseId, day: expect.any(String), used: 1 },
      ]),
    );
    expect(recordsOf(anonymous, 'daily-quota')).toHaveLength(3);
  });

  it('never gives a person an item, a course or a write of someone else, even in the same course', async () => {
    const colleague = await anonymousAuthorshipOf('teacher.02');

    expect(recordsOf(colleague, 'anonymous-feedback').map((record) => record['itemId'])).toEqual([
      ids['ofAnotherTeacher'],
    ]);
    for (const value of [ids['anonymous']!, texts.anonymous, texts.authorReply]) {
      expect({ value, mentioned: exportMentions(colleague, value) }).toEqual({ value, mentioned: false });
    }
    expect(recordsOf(colleague, 'daily-quota')).toEqual(
      expect.arrayContaining([{ action: 'retour', courseId, day: expect.any(String), used: 1 }]),
    );

    const author = bothAnswers(await exportOf('teacher.01'), await anonymousAuthorshipOf('teacher.01'));
    for (const value of [
      ids['ofAnotherTeacher']!,
      texts.ofAnotherTeacher,
      ids['inAnotherCourse']!,
      texts.betweenOthers,
      demoNameOf('teacher.03'),
      demoNameOf('teacher.04'),
      // The other member of a conversation is named as he reads it, never by his account id.
      userIdOf('teacher.02'),
      userIdOf('teacher.01'),
    ]) {
      expect({ value, mentioned: exportMentions(author, value) }).toEqual({ value, mentioned: false });
    }
  });

  it('lets an author who left the course still obtain his anonymous items; nobody else obtains them', async () => {
    const leaver = 'teacher.05';
    const anonymousText = 'Je quitte ce parcours, il ne me convient pas.';
    const posted = await harness.call(leaver, 'POST', `/api/feedback/courses/${otherCourseId}/feedback`, {
      category: 'content-relevance',
      intensity: 2,
      message: anonymousText,
      visibility: 'anonymous',
    });
    await publishWithdrawal(harness.bus, otherCourseId, leaver);
    await harness.bus.idle();

    const own = await anonymousAuthorshipOf(leaver);
    expect(recordsOf(own, 'anonymous-feedback').map((record) => record['itemId'])).toEqual([posted.body.id]);
    expect(recordsOf(own, 'feedback-authorship')).toEqual([{ courseId: otherCourseId }]);
    for (const other of ['teacher.01', 'teacher.04', 'trainer.bruno']) {
      const theirs = bothAnswers(await exportOf(other), await anonymousAuthorshipOf(other));
      expect({ other, mentioned: exportMentions(theirs, anonymousText) }).toEqual({
        other,
        mentioned: false,
      });
      expect({ other, mentioned: exportMentions(theirs, posted.body.id) }).toEqual({
        other,
        mentioned: false,
      });
    }
  });

  it('answers a person of whom nothing is held with every kind, each empty', async () => {
    for (const answer of [await exportOf('ministry.dne'), await anonymousAuthorshipOf('ministry.dne')]) {
      expect(answer.kinds.length).toBeGreaterThan(0);
      for (const kind of answer.kinds)
        expect({ kind: kind.kind, records: kind.records }).toEqual({ kind: kind.kind, records: [] });
    }
    expect((await exportOf('ministry.dne')).kinds.map((kind) => kind.kind)).toEqual(
      feedbackPersonalData.kinds.map((kind) => kind.kind),
    );
  });

  it('refuses both answers without a token', async () => {
    for (const response of [await mine(undefined), await myAnonymousAuthorship(undefined)]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });
});
