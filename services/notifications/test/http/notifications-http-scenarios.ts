import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import {
  completionRecorded,
  courseUpdated,
  createEvent,
  feedbackItemPosted,
  feedbackMessageSent,
  feedbackReplyPosted,
  feedbackStatusChanged,
  sealRecipient,
  type PendingEvent,
} from '@relais/contracts';
import type { PersonalDataExport } from '@relais/platform';
import {
  demoNameOf,
  exportMentions,
  gapsInExport,
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { notificationsPersonalData } from '../../src/application/personal-data';
import type { PurgeCounts } from '../../src/application/retention';
import type { Clock, NotificationLog } from '../../src/application/ports';
import type { NotificationsModule } from '../../src/compose';
import { InMemoryMailbox } from '../../src/infrastructure/mail/in-memory-mailbox';

export interface NotificationsUnderTest {
  build(options: {
    verifier: TokenVerifier;
    clock: Clock;
    transport: InMemoryMailbox;
    recipientPrivateKey: string;
    publicUrl: string;
    log: NotificationLog;
  }): NotificationsModule;
  /**
   * Every document the service stores, in every collection (the roster replica's too), with its key:
   * what an erasure must leave without the person.
   */
  storedDocuments(): Promise<unknown[]>;
  close?(): Promise<void>;
}

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const publicUrl = 'http://relais.test';
const title = 'Enseigner la lecture au CP';
const teachers = Array.from({ length: 6 }, (_, i) => `teacher.0${i + 1}`);
const addressOf = (username: string) => `${username}@demo.relais.invalid`;

interface NoticeView {
  id: string;
  kind: string;
  text: string;
  link: string;
  courseId: string;
  createdOn: string;
  read: boolean;
}
interface NoticesView {
  unread: number;
  notifications: NoticeView[];
}

/**
 * Every Notifications route over HTTP, run on both adapters: in memory (unit) and on the real
 * database (integration). Events are published as feedback and enrollment would publish them.
 */
export function describeNotificationsOverHttp(
  adapterName: string,
  open: () => Promise<NotificationsUnderTest>,
): void {
  describe(`notifications over HTTP: ${adapterName}`, () => {
    let service: NotificationsUnderTest;
    let harness: ServiceHarness;
    let module: NotificationsModule;
    let mailbox: InMemoryMailbox;
    const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
    // Monday 7 December 2026, 11:00 in Paris.
    let now = new Date('2026-12-07T10:00:00Z');

    beforeAll(async () => {
      service = await open();
      mailbox = new InMemoryMailbox();
      harness = await startServiceHarness((verifierFor) => {
        module = service.build({
          verifier: verifierFor('relais-notifications'),
          clock: { now: () => now },
          transport: mailbox,
          recipientPrivateKey: keys.privateKey,
          publicUrl,
          log: {
            info: (fields, message) => logged.push({ level: 'info', fields, message }),
            warn: (fields, message) => logged.push({ level: 'warn', fields, message }),
          },
        });
        return [module];
      });
      // Each person's address is learnt from his token when he first opens his notifications.
      for (const username of ['trainer.alice', 'trainer.bruno', ...teachers]) {
        expect((await harness.call(username, 'GET', '/api/notifications/me/notifications')).status).toBe(200);
      }
    });
    afterAll(async () => {
      await harness.stop();
      await service.close?.();
    });
    beforeEach(() => {
      now = new Date('2026-12-07T10:00:00Z');
    });

    const origin = () => ({ source: 'feedback', correlationId: randomUUID(), now });
    async function publish(...events: PendingEvent[]): Promise<void> {
      for (const event of events) {
        await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
      }
      await harness.bus.idle();
    }
    async function course(): Promise<string> {
      const courseId = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants: teachers,
        title,
      });
      await harness.bus.idle();
      return courseId;
    }
    const posted = (courseId: string, author: string, anonymous: boolean, itemId = randomUUID()) =>
      createEvent(
        feedbackItemPosted,
        { courseId, itemId, anonymous, sealedAuthor: sealRecipient(keys.publicKey, userIdOf(author)) },
        origin(),
      );
    const noticesOf = async (username: string) =>
      (await harness.call(username, 'GET', '/api/notifications/me/notifications')).body as NoticesView;
    const noticesAbout = async (username: string, courseId: string) =>
      (await noticesOf(username)).notifications.filter((notice) => notice.courseId === courseId);
    const mailsTo = (username: string) => mailbox.mails().filter((mail) => mail.to === addressOf(username));
    const mailsAbout = (username: string, needle: string) =>
      mailsTo(username).filter((mail) => mail.text.includes(needle));
    /** Whatever a mail or notice must never hold: texts, authors, categories, intensities. */
    const forbidden = (author: string) => [
      demoNameOf(author),
      addressOf(author).replace('@demo.relais.invalid', ''),
      userIdOf(author),
      demoNameOf('trainer.alice'),
      'workload',
      'charge de travail',
      'intensit',
      'anonyme',
    ];

    it('tells the author of a trainer’s reply, in the portal and by mail, with what happened and nothing more', async () => {
      const courseId = await course();
      const item = posted(courseId, 'teacher.03', true);
      const itemId = (item.envelope.data as { itemId: string }).itemId;
      await publish(item, createEvent(feedbackReplyPosted, { courseId, itemId }, origin()));

      const notices = await noticesAbout('teacher.03', courseId);
      expect(notices).toEqual([
        {
          id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
          kind: 'feedback-reply',
          text: `Un formateur a répondu à l’un de vos retours dans « ${title} ».`,
          link: '/mes-retours',
          courseId,
          createdOn: '2026-12-07',
          read: false,
        },
      ]);
      await module.runWorkerOnce();
      const [mail, ...more] = mailsTo('teacher.03');
      expect(more).toEqual([]);
      expect(mail?.subject).toBe(`Relais : Un formateur a répondu à l’un de vos retours dans « ${title} »`);
      expect(mail?.text).toMatch(
        new RegExp(
          '^Bonjour,\n\n' +
            `Un formateur a répondu à l’un de vos retours dans « ${title} ».\n` +
            `Pour le voir : ${publicUrl}/mes-retours\n\n--\n` +
            'Relais, la plateforme de formation des enseignants\n' +
            `Ne plus recevoir « Réponse à l’un de mes retours » par courriel : ${publicUrl}/api/notifications/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n` +
            `Choisir ce que vous recevez : ${publicUrl}/notifications/preferences$`,
        ),
      );
      for (const word of forbidden('teacher.03')) {
        expect(mail?.text).not.toContain(word);
        expect(mail?.html).not.toContain(word);
        expect(mail?.subject).not.toContain(word);
        expect(JSON.stringify(notices)).not.toContain(word);
      }
      expect(mailsTo('trainer.alice').filter((sent) => sent.text.includes(title))).toEqual([]);
    });

    it('announces new anonymous feedback to trainers only in the next day’s digest, as a count, never at once', async () => {
      const courseId = await course();
      await publish(
        posted(courseId, 'teacher.01', true),
        posted(courseId, 'teacher.02', true),
        posted(courseId, 'teacher.04', true),
      );
      await module.runWorkerOnce();
      expect(await noticesAbout('trainer.alice', courseId)).toEqual([]);
      expect(mailsAbout('trainer.alice', courseId)).toEqual([]);

      now = new Date('2026-12-08T05:59:00Z'); // 06:59 in Paris, the next day
      await module.runWorkerOnce();
      expect(await noticesAbout('trainer.alice', courseId)).toEqual([]);

      now = new Date('2026-12-08T06:00:00Z'); // 07:00 in Paris
      await module.runWorkerOnce();
      const notices = await noticesAbout('trainer.alice', courseId);
      expect(notices).toEqual([
        expect.objectContaining({
          kind: 'feedback-new',
          text: `3 nouveaux retours dans « ${title} ».`,
          link: `/formateur/parcours/${courseId}/retours`,
          createdOn: '2026-12-08',
        }),
      ]);
      const mails = mailsAbout('trainer.alice', courseId);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Relais : ce qui s’est passé le 7 décembre 2026');
      expect(mails[0]?.text).toContain(
        `- 3 nouveaux retours dans « ${title} ». ${publicUrl}/formateur/parcours/${courseId}/retours`,
      );
      for (const author of ['teacher.01', 'teacher.02', 'teacher.04']) {
        for (const word of forbidden(author)) expect(mails[0]?.text).not.toContain(word);
      }

      await module.runWorkerOnce();
      expect(mailsAbout('trainer.alice', courseId)).toHaveLength(1);
      expect(await noticesAbout('trainer.alice', courseId)).toHaveLength(1);
    });

    it('shows a named item to trainers at once, without its author, and mails it in the digest by default', async () => {
      const courseId = await course();
      await publish(posted(courseId, 'teacher.05', false));

      expect(await noticesAbout('trainer.alice', courseId)).toEqual([
        expect.objectContaining({ kind: 'feedback-new', text: `1 nouveau retour dans « ${title} ».` }),
      ]);
      await module.runWorkerOnce();
      expect(mailsAbout('trainer.alice', courseId)).toEqual([]);
      now = new Date('2026-12-08T07:30:00Z');
      await module.runWorkerOnce();
      const [digest] = mailsAbout('trainer.alice', courseId);
      expect(digest?.text).toContain(`- 1 nouveau retour dans « ${title} ».`);
      for (const word of forbidden('teacher.05')) expect(digest?.text).not.toContain(word);
    });

    it('tells the author when a trainer sets a status, and a teacher when his training is completed', async () => {
      const courseId = await course();
      const item = posted(courseId, 'teacher.06', false);
      const itemId = (item.envelope.data as { itemId: string }).itemId;
      await publish(
        item,
        createEvent(feedbackStatusChanged, { courseId, itemId, status: 'addressed' }, origin()),
        createEvent(completionRecorded, { courseId, userId: userIdOf('teacher.06') }, origin()),
      );

      const texts = (await noticesAbout('teacher.06', courseId)).map((notice) => notice.text).sort();
      expect(texts).toEqual([
        `L’un de vos retours dans « ${title} » est désormais traité.`,
        `Votre formation « ${title} » est terminée : ses heures sont comptées dans votre temps de travail.`,
      ]);
      await module.runWorkerOnce();
      expect(
        mailsAbout('teacher.06', title)
          .map((mail) => mail.subject)
          .sort(),
      ).toEqual([
        `Relais : L’un de vos retours dans « ${title} » est désormais traité`,
        `Relais : Votre formation « ${title} » est terminée : ses heures sont comptées dans votre temps de travail`,
      ]);
    });

    it('tells the recipient of a 1:1 message that one came and where to read it: no sender, no text', async () => {
      const courseId = await course();
      const message = createEvent(
        feedbackMessageSent,
        { messageId: randomUUID(), courseId, recipientId: userIdOf('teacher.04') },
        origin(),
      );
      await publish(message);
      const notices = await noticesAbout('teacher.04', courseId);
      expect(notices).toEqual([
        expect.objectContaining({
          kind: 'message-new',
          text: `Nouveau message dans « ${title} ».`,
          link: '/messages',
          createdOn: '2026-12-07',
          read: false,
        }),
      ]);
      await module.runWorkerOnce();
      await publish(message); // redelivered: the same notice and mail, not a second one
      await module.runWorkerOnce();
      expect(await noticesAbout('teacher.04', courseId)).toHaveLength(1);
      const mails = mailsTo('teacher.04').filter((mail) => mail.subject.includes('Nouveau message'));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(`Relais : Nouveau message dans « ${title} »`);
      expect(mails[0]?.text).toContain(
        `Nouveau message dans « ${title} ».\nPour le voir : ${publicUrl}/messages\n`,
      );
      expect(mails[0]?.text).toContain('Ne plus recevoir « Nouveau message » par courriel');
      // The event names no sender and carries no text; neither may the notice or the mail.
      for (const word of [
        ...forbidden('trainer.alice'),
        (message.envelope.data as { messageId: string }).messageId,
      ]) {
        expect(mails[0]?.text).not.toContain(word);
        expect(mails[0]?.html).not.toContain(word);
        expect(mails[0]?.subject).not.toContain(word);
        expect(JSON.stringify(notices)).not.toContain(word);
      }
      expect(await noticesAbout('trainer.alice', courseId)).toEqual([]);
    });

    it('reminds the participants who have not completed, once, 7 days before the planned closing day', async () => {
      // Days of their own (January 2027, Paris is UTC+1): the reminders run once a day per process.
      now = new Date('2027-01-12T10:00:00Z');
      const closing = (closesOn: string, status: 'open' | 'closed' = 'open') =>
        publishCourseWithMembers(harness.bus, {
          trainers: ['trainer.alice'],
          participants: ['teacher.01', 'teacher.02', 'teacher.03'],
          completed: ['teacher.03'],
          title,
          closesOn,
        }).then(async (courseId) => {
          if (status === 'closed') {
            await publish(
              createEvent(
                courseUpdated,
                {
                  courseId,
                  academy: 'lyon',
                  title,
                  status,
                  trainers: [{ userId: userIdOf('trainer.alice'), name: demoNameOf('trainer.alice') }],
                  closesOn,
                },
                origin(),
              ),
            );
          }
          await harness.bus.idle();
          return courseId;
        });
      const courseId = await closing('2027-01-20');
      const closedId = await closing('2027-01-20', 'closed');
      const reminders = async (username: string, id = courseId) =>
        (await noticesAbout(username, id)).filter((notice) => notice.kind === 'course-closing');

      await module.runWorkerOnce(); // 8 days before
      expect(await reminders('teacher.01')).toEqual([]);
      now = new Date('2027-01-13T05:59:00Z'); // 7 days before, 06:59 in Paris: not yet
      await module.runWorkerOnce();
      expect(await reminders('teacher.01')).toEqual([]);

      now = new Date('2027-01-13T06:00:00Z'); // 07:00 in Paris
      await module.runWorkerOnce();
      const sentence = `« ${title} » se termine le 20 janvier 2027 : pensez à terminer votre parcours si vous le souhaitez.`;
      for (const teacher of ['teacher.01', 'teacher.02']) {
        expect(await reminders(teacher)).toEqual([
          expect.objectContaining({
            text: sentence,
            link: `/mes-parcours/${courseId}`,
            createdOn: '2027-01-13',
          }),
        ]);
      }
      expect(await reminders('teacher.03')).toEqual([]); // completed
      expect(await reminders('trainer.alice')).toEqual([]);
      expect(await reminders('teacher.01', closedId)).toEqual([]); // a closed course is not reminded of
      await module.runWorkerOnce();
      const mails = mailsTo('teacher.02').filter((mail) => mail.text.includes('20 janvier 2027'));
      expect(mails.map((mail) => mail.subject)).toEqual([`Relais : ${sentence.replace(/\.$/, '')}`]);
      expect(mails[0]?.text).toContain(`${publicUrl}/mes-parcours/${courseId}`);

      now = new Date('2027-01-14T06:30:00Z'); // the next day: still within 7 days, told already
      await module.runWorkerOnce();
      expect(await reminders('teacher.01')).toHaveLength(1);
      expect(mailsTo('teacher.02').filter((mail) => mail.text.includes('20 janvier 2027'))).toHaveLength(1);

      // The day moves: a reminder of the new day, once.
      await publish(
        createEvent(
          courseUpdated,
          {
            courseId,
            academy: 'lyon',
            title,
            status: 'open',
            trainers: [{ userId: userIdOf('trainer.alice'), name: demoNameOf('trainer.alice') }],
            closesOn: '2027-01-21',
          },
          origin(),
        ),
      );
      now = new Date('2027-01-15T06:30:00Z');
      await module.runWorkerOnce();
      await module.runWorkerOnce();
      expect((await reminders('teacher.01')).map((notice) => notice.text).sort()).toEqual([
        sentence,
        sentence.replace('20 janvier', '21 janvier'),
      ]);
      expect(await reminders('teacher.03')).toEqual([]);
    });

    it('handles a redelivered event once: one notice, one mail', async () => {
      const courseId = await course();
      const completion = createEvent(
        completionRecorded,
        { courseId, userId: userIdOf('teacher.02') },
        origin(),
      );
      await publish(completion);
      await module.runWorkerOnce();
      await publish(completion);
      await module.runWorkerOnce();

      expect(await noticesAbout('teacher.02', courseId)).toHaveLength(1);
      expect(mailsAbout('teacher.02', courseId)).toHaveLength(1);
    });

    it('marks a notice read, refuses another person’s notice with 404 and a malformed id with 400', async () => {
      const courseId = await course();
      await publish(createEvent(completionRecorded, { courseId, userId: userIdOf('teacher.04') }, origin()));
      const before = await noticesOf('teacher.04');
      const notice = before.notifications.find((candidate) => candidate.courseId === courseId)!;

      const stranger = await harness.call(
        'teacher.05',
        'POST',
        `/api/notifications/me/notifications/${notice.id}/read`,
      );
      expect(stranger).toMatchObject({ status: 404, body: { code: 'NOTIFICATION_NOT_FOUND' } });
      expect(
        (await harness.call('teacher.04', 'POST', '/api/notifications/me/notifications/not-an-id/read'))
          .status,
      ).toBe(400);
      const read = await harness.call(
        'teacher.04',
        'POST',
        `/api/notifications/me/notifications/${notice.id}/read`,
      );
      expect(read.status).toBe(204);
      expect(
        (await harness.call('teacher.04', 'POST', `/api/notifications/me/notifications/${notice.id}/read`))
          .status,
      ).toBe(204);
      const after = await noticesOf('teacher.04');
      expect(after.unread).toBe(before.unread - 1);
      expect(after.notifications.find((candidate) => candidate.id === notice.id)?.read).toBe(true);
    });

    it('keeps each person’s choice per kind: off stops the mail, not the notice; bad choices are refused with 400', async () => {
      const defaults = await harness.call('trainer.bruno', 'GET', '/api/notifications/me/preferences');
      expect(defaults).toMatchObject({
        status: 200,
        body: {
          preferences: {
            'feedback-reply': 'immediate',
            'feedback-status': 'immediate',
            'feedback-new': 'daily-digest',
            'completion-recorded': 'immediate',
            'message-new': 'immediate',
            'course-closing': 'immediate',
          },
          kinds: expect.arrayContaining([
            { kind: 'message-new', label: 'Nouveau message' },
            { kind: 'course-closing', label: 'Parcours bientôt clos' },
          ]),
        },
      });
      const choice = {
        'feedback-reply': 'off',
        'feedback-status': 'daily-digest',
        'feedback-new': 'off',
        'completion-recorded': 'immediate',
        'message-new': 'daily-digest',
        'course-closing': 'off',
      };
      expect(
        await harness.call('teacher.01', 'PUT', '/api/notifications/me/preferences', choice),
      ).toMatchObject({
        status: 200,
        body: { preferences: choice },
      });
      const missing = await harness.call('teacher.01', 'PUT', '/api/notifications/me/preferences', {
        'feedback-reply': 'off',
      });
      expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const unknown = await harness.call('teacher.01', 'PUT', '/api/notifications/me/preferences', {
        ...choice,
        'feedback-reply': 'weekly',
      });
      expect(unknown.status).toBe(400);

      const courseId = await course();
      const item = posted(courseId, 'teacher.01', true);
      const itemId = (item.envelope.data as { itemId: string }).itemId;
      await publish(item, createEvent(feedbackReplyPosted, { courseId, itemId }, origin()));
      await module.runWorkerOnce();
      expect(await noticesAbout('teacher.01', courseId)).toHaveLength(1);
      expect(mailsAbout('teacher.01', courseId)).toEqual([]);
      await harness.call('teacher.01', 'PUT', '/api/notifications/me/preferences', {
        ...choice,
        'feedback-reply': 'immediate',
      });
    });

    it('turns a kind off from the mail’s link without signing in, after a confirmation page; a forged link gets 404', async () => {
      const courseId = await course();
      await publish(createEvent(completionRecorded, { courseId, userId: userIdOf('teacher.03') }, origin()));
      await module.runWorkerOnce();
      const [mail] = mailsAbout('teacher.03', courseId);
      const link = mail!.unsubscribeUrl.replace(publicUrl, `http://127.0.0.1:${harness.host.port}`);

      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('« Formation terminée »');
      expect(
        (
          (await harness.call('teacher.03', 'GET', '/api/notifications/me/preferences')).body as {
            preferences: Record<string, string>;
          }
        ).preferences['completion-recorded'],
      ).toBe('immediate');

      expect((await fetch(link, { method: 'POST' })).status).toBe(200);
      expect(
        (
          (await harness.call('teacher.03', 'GET', '/api/notifications/me/preferences')).body as {
            preferences: Record<string, string>;
          }
        ).preferences,
      ).toMatchObject({ 'completion-recorded': 'off', 'feedback-reply': 'immediate' });

      const forged = link.replace(/\.[A-Za-z0-9_-]+$/, '.AAAA');
      const refused = await fetch(forged, { method: 'POST' });
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ code: 'UNSUBSCRIBE_LINK_INVALID' });
      expect((await fetch(`${link}%20and%20more`)).status).toBe(400);
    });

    it('lists at most `limit` notices, 1 to 100, and refuses any other limit with 400', async () => {
      const courseId = await course();
      await publish(createEvent(completionRecorded, { courseId, userId: userIdOf('teacher.05') }, origin()));
      const limited = await harness.call('teacher.05', 'GET', '/api/notifications/me/notifications?limit=1');
      expect(limited.status).toBe(200);
      expect((limited.body as NoticesView).notifications).toHaveLength(1);
      for (const limit of ['0', '101', 'ten', '-1']) {
        const refused = await harness.call(
          'teacher.05',
          'GET',
          `/api/notifications/me/notifications?limit=${limit}`,
        );
        expect({ limit, status: refused.status, code: refused.body.code }).toEqual({
          limit,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    });

    it('shows a person everything it holds about him, from every feature, and nothing of anyone else', async () => {
      // A day of its own (Monday 1 March 2027, 11:00 in Paris): its digest has not gone, its reminders run.
      now = new Date('2027-03-01T10:00:00Z');
      const person = 'teacher.05';
      const trained = await publishCourseWithMembers(harness.bus, {
        trainers: [person],
        participants: ['teacher.01', 'teacher.02'],
        title: 'Animer un atelier',
      });
      const followed = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants: [person, 'teacher.03'],
        title,
        closesOn: '2027-03-05',
      });
      await harness.bus.idle();
      const choices = {
        'feedback-reply': 'immediate',
        'feedback-status': 'immediate',
        'feedback-new': 'daily-digest',
        'completion-recorded': 'immediate',
        'message-new': 'immediate',
        'course-closing': 'immediate',
      };
      expect((await harness.call(person, 'PUT', '/api/notifications/me/preferences', choices)).status).toBe(
        200,
      );
      const othersItems = [posted(trained, 'teacher.01', true), posted(trained, 'teacher.02', false)];
      const own = posted(followed, person, true);
      const ownItemId = (own.envelope.data as { itemId: string }).itemId;
      await publish(
        ...othersItems,
        own,
        createEvent(
          feedbackStatusChanged,
          { courseId: followed, itemId: ownItemId, status: 'addressed' },
          origin(),
        ),
        createEvent(feedbackReplyPosted, { courseId: followed, itemId: ownItemId }, origin()),
        createEvent(
          feedbackMessageSent,
          { messageId: randomUUID(), courseId: followed, recipientId: userIdOf(person) },
          origin(),
        ),
      );
      await module.runWorkerOnce(); // the closing reminder, and the mails

      const response = await harness.call(person, 'GET', '/api/notifications/me/data');
      expect(response.status).toBe(200);
      const exported = response.body as unknown as PersonalDataExport;
      expect(gapsInExport(notificationsPersonalData, exported)).toEqual([]);
      const recordsOf = (kind: string) =>
        exported.kinds.find((candidate) => candidate.kind === kind)?.records;
      expect(recordsOf('feedback-item-authors')).toContainEqual({ itemId: ownItemId, sealedIn: '2027-03' });
      expect(recordsOf('notices')).toContainEqual({
        kind: 'Changement de statut de l’un de mes retours',
        courseId: followed,
        courseTitle: title,
        status: 'traité',
        createdOn: '2027-03-01',
        read: false,
      });
      expect(recordsOf('notification-address')).toEqual([{ email: addressOf(person) }]);
      expect(recordsOf('notification-digest')).toContainEqual({
        day: '2027-03-01',
        facts: {
          kind: 'Nouveaux retours dans un parcours que j’anime',
          courseId: trained,
          courseTitle: 'Animer un atelier',
          count: 1,
        },
      });
      expect(recordsOf('queued-mails')).toContainEqual(
        expect.objectContaining({
          to: addressOf(person),
          subject: `Relais : Nouveau message dans « ${title} »`,
          state: 'envoyé',
          attempts: 1,
        }),
      );
      expect(recordsOf('course-rosters')).toEqual(
        expect.arrayContaining([
          { courseId: trained, title: 'Animer un atelier', role: 'formateur', name: demoNameOf(person) },
          expect.objectContaining({ courseId: followed, role: 'participant', status: 'inscrit' }),
        ]),
      );
      const othersValues = [
        ...othersItems.map((item) => (item.envelope.data as { itemId: string }).itemId),
        ...['teacher.01', 'teacher.02', 'teacher.03', 'trainer.alice'].flatMap((other) => [
          userIdOf(other),
          demoNameOf(other),
          addressOf(other),
        ]),
      ];
      expect(othersValues.filter((value) => exportMentions(exported, value))).toEqual([]);
    });

    it('answers every signed-in role, with every kind and no record when it holds nothing about him', async () => {
      for (const username of ['inspector.d1', 'chsct.national', 'ministry.dne', 'ops.admin']) {
        const response = await harness.call(username, 'GET', '/api/notifications/me/data');
        expect(response.status).toBe(200);
        const exported = response.body as unknown as PersonalDataExport;
        expect(exported.kinds.map((kind) => [kind.kind, kind.records])).toEqual(
          notificationsPersonalData.kinds.map((kind) => [kind.kind, []]),
        );
      }
      const anonymousCall = await fetch(`http://127.0.0.1:${harness.host.port}/api/notifications/me/data`);
      expect(anonymousCall.status).toBe(401);
    });

    it('serves a person’s notices and choices to teachers and trainers only, signed in', async () => {
      const anonymousCall = await fetch(
        `http://127.0.0.1:${harness.host.port}/api/notifications/me/notifications`,
      );
      expect(anonymousCall.status).toBe(401);
      for (const username of ['inspector.d1', 'chsct.national', 'ministry.dne', 'ops.admin']) {
        expect((await harness.call(username, 'GET', '/api/notifications/me/notifications')).status).toBe(403);
        expect((await harness.call(username, 'GET', '/api/notifications/me/preferences')).status).toBe(403);
      }
    });

    it('forgets a person on erasure, everything it held about him, and changes nothing for anyone else', async () => {
      // A day of its own (Monday 8 March 2027, 11:00 in Paris): its digest has not gone, its reminders run.
      now = new Date('2027-03-08T10:00:00Z');
      // Nobody else in these scenarios shares his school, so it may be searched for in the store.
      const person = 'teacher.11';
      const [participant, otherParticipant] = ['teacher.16', 'teacher.17'];
      const personId = userIdOf(person);
      const trained = await publishCourseWithMembers(harness.bus, {
        trainers: [person],
        participants: [participant, otherParticipant],
        title: 'Animer un atelier',
      });
      const followed = await publishCourseWithMembers(harness.bus, {
        trainers: ['trainer.alice'],
        participants: [person, participant],
        title,
        closesOn: '2027-03-12',
      });
      await harness.bus.idle();
      for (const username of [person, participant, otherParticipant]) {
        expect((await harness.call(username, 'GET', '/api/notifications/me/notifications')).status).toBe(200);
      }
      const choices = {
        'feedback-reply': 'immediate',
        'feedback-status': 'immediate',
        'feedback-new': 'daily-digest',
        'completion-recorded': 'immediate',
        'message-new': 'immediate',
        'course-closing': 'immediate',
      };
      expect((await harness.call(person, 'PUT', '/api/notifications/me/preferences', choices)).status).toBe(
        200,
      );
      const itemOf = (event: PendingEvent) => (event.envelope.data as { itemId: string }).itemId;
      const messageTo = (username: string) =>
        createEvent(
          feedbackMessageSent,
          { messageId: randomUUID(), courseId: followed, recipientId: userIdOf(username) },
          origin(),
        );
      const hisAnonymous = posted(followed, person, true);
      const hisNamed = posted(followed, person, false);
      const participantsItem = posted(followed, participant, true);
      await publish(
        // He trains: news for him of his participants' items, anonymous (the digest) and named.
        posted(trained, participant, true),
        posted(trained, otherParticipant, false),
        // He follows: his own items, and a trainer's answers; a participant's item beside them.
        hisAnonymous,
        hisNamed,
        participantsItem,
        createEvent(
          feedbackStatusChanged,
          { courseId: followed, itemId: itemOf(hisAnonymous), status: 'addressed' },
          origin(),
        ),
        createEvent(feedbackReplyPosted, { courseId: followed, itemId: itemOf(hisNamed) }, origin()),
        createEvent(feedbackReplyPosted, { courseId: followed, itemId: itemOf(participantsItem) }, origin()),
        messageTo(person),
        messageTo(participant),
      );
      await module.runWorkerOnce(); // the closing reminders, and the mails sent
      await publish(messageTo(person)); // a mail to him still pending

      const exportOf = async (username: string) => {
        const response = await harness.call(username, 'GET', '/api/notifications/me/data');
        expect(response.status).toBe(200);
        return response.body as unknown as PersonalDataExport;
      };
      const recordsOf = (exported: PersonalDataExport) =>
        exported.kinds.map((kind) => [kind.kind, kind.records] as const);
      // Every kind holds something of his before: an erasure that missed one would be seen below.
      expect(recordsOf(await exportOf(person)).filter(([, records]) => records.length === 0)).toEqual([]);
      expect(recordsOf(await exportOf(person)).find(([kind]) => kind === 'queued-mails')?.[1]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ state: 'envoyé' }),
          expect.objectContaining({ state: 'en attente d’envoi' }),
        ]),
      );
      const others = ['trainer.alice', participant, otherParticipant];
      const viewsOf = async (username: string) => ({
        exported: await exportOf(username),
        notices: await noticesOf(username),
      });
      const othersBefore = await Promise.all(others.map(viewsOf));

      const counts = await module.erasure.forgetPerson(personId);

      expect(counts).toEqual({
        rostersLeft: 2,
        authorSealsDeleted: 2,
        // A reply, a status, a message, a named item and the closing reminder; then the pending message.
        noticesDeleted: 6,
        preferencesDeleted: 1,
        addressesDeleted: 1,
        // The anonymous item, and the named one for his digest mail.
        digestEntriesDeleted: 2,
        // Reply, status, message and reminder sent at once, and the pending message.
        mailsDeleted: 5,
      });
      expect(recordsOf(await exportOf(person))).toEqual(
        notificationsPersonalData.kinds.map((kind) => [kind.kind, []]),
      );
      expect(await Promise.all(others.map(viewsOf))).toEqual(othersBefore);

      // Nothing stored names him any more: not his id, name, school or address, nor the items he wrote.
      const stored = JSON.stringify(await service.storedDocuments());
      expect(stored).toContain(userIdOf(participant)); // the search reaches the stored documents
      const his = [
        personId,
        demoNameOf(person),
        '0690003C',
        addressOf(person),
        person,
        itemOf(hisAnonymous),
        itemOf(hisNamed),
      ];
      expect(his.filter((value) => stored.includes(value))).toEqual([]);
      // What the rules keep: the trainer is still told of his items, as counts without an author
      // (ADR 0016, 0030): her digest of the day counts his two items and the participant's one.
      const trainersDigest = recordsOf(othersBefore[0]!.exported).find(
        ([kind]) => kind === 'notification-digest',
      )?.[1];
      expect(
        trainersDigest?.filter((entry) => (entry['facts'] as { courseId: string }).courseId === followed),
      ).toEqual([
        { day: '2027-03-08', facts: expect.objectContaining({ count: 1 }) },
        { day: '2027-03-08', facts: expect.objectContaining({ count: 1 }) },
        { day: '2027-03-08', facts: expect.objectContaining({ count: 1 }) },
      ]);

      // Erasing twice, or someone it never knew: nothing to do, no error.
      const nothing = {
        rostersLeft: 0,
        authorSealsDeleted: 0,
        noticesDeleted: 0,
        preferencesDeleted: 0,
        addressesDeleted: 0,
        digestEntriesDeleted: 0,
        mailsDeleted: 0,
      };
      expect(await module.erasure.forgetPerson(personId)).toEqual(nothing);
      expect(await module.erasure.forgetPerson(randomUUID())).toEqual(nothing);

      // News of his items coming afterwards finds no one to tell: the seals are gone.
      await publish(
        createEvent(feedbackReplyPosted, { courseId: followed, itemId: itemOf(hisAnonymous) }, origin()),
      );
      // A message still in flight reaches a notice (the event names him); without an address no mail
      // is queued, and the next erasure (the event redelivered) forgets it.
      await publish(messageTo(person));
      expect(await module.erasure.forgetPerson(personId)).toEqual({ ...nothing, noticesDeleted: 1 });
      expect(recordsOf(await exportOf(person))).toEqual(
        notificationsPersonalData.kinds.map((kind) => [kind.kind, []]),
      );
      await module.runWorkerOnce();
      expect(logged.filter((line) => line.level === 'warn')).toEqual([]);
    });

    // Last: a pass years ahead forgets what the scenarios above left, which none of them reads again.
    it('forgets what the retention schedule no longer allows, on the clock’s day, keeps the rest, and forgets nothing more the second time', async () => {
      const author = 'teacher.06';
      const trainer = 'trainer.bruno';
      const at = async (instant: string, ...events: PendingEvent[]) => {
        now = new Date(instant);
        await publish(...events);
        await module.runWorkerOnce();
      };
      const itemOf = (event: PendingEvent) => (event.envelope.data as { itemId: string }).itemId;
      const exportOf = async (username: string) => {
        const response = await harness.call(username, 'GET', '/api/notifications/me/data');
        expect(response.status).toBe(200);
        const exported = response.body as unknown as PersonalDataExport;
        return (kind: string) => exported.kinds.find((candidate) => candidate.kind === kind)?.records ?? [];
      };
      const closeOn = async (courseId: string, instant: string) => {
        // Before the event is made: the roster replica dates the closing by the event's day.
        now = new Date(instant);
        const trainers = [{ userId: userIdOf(trainer), name: demoNameOf(trainer) }];
        await at(
          instant,
          createEvent(
            courseUpdated,
            { courseId, academy: 'lyon', title, status: 'closed', trainers },
            origin(),
          ),
        );
      };
      const members = { trainers: [trainer], participants: [author, 'teacher.02'], title };
      now = new Date('2027-04-01T10:00:00Z');
      const open = await publishCourseWithMembers(harness.bus, members);
      const closedEarly = await publishCourseWithMembers(harness.bus, members);
      const closedLate = await publishCourseWithMembers(harness.bus, members);
      await harness.bus.idle();
      const choices = {
        'feedback-reply': 'immediate',
        'feedback-status': 'immediate',
        'feedback-new': 'daily-digest',
        'completion-recorded': 'immediate',
        'message-new': 'immediate',
        'course-closing': 'off',
      };
      expect((await harness.call(author, 'PUT', '/api/notifications/me/preferences', choices)).status).toBe(
        200,
      );

      // Today is 15 June 2029 in Paris: seals go by the month of 15 June 2027, notices by 15 December
      // 2028, sent mails by 15 May 2029. Each boundary is met from both sides.
      const sealedMay = posted(open, author, true);
      const sealedJune = posted(open, author, true);
      await at('2027-05-31T10:00:00Z', sealedMay);
      await closeOn(closedEarly, '2027-05-31T10:00:00Z');
      await at('2027-06-01T10:00:00Z', sealedJune);
      await closeOn(closedLate, '2027-06-01T10:00:00Z');
      const onJune = itemOf(sealedJune);
      await at(
        '2028-12-14T10:00:00Z',
        createEvent(feedbackReplyPosted, { courseId: open, itemId: onJune }, origin()),
      );
      await at(
        '2028-12-15T10:00:00Z',
        createEvent(
          feedbackStatusChanged,
          { courseId: open, itemId: onJune, status: 'acknowledged' },
          origin(),
        ),
      );
      const message = () =>
        createEvent(
          feedbackMessageSent,
          { messageId: randomUUID(), courseId: open, recipientId: userIdOf(author) },
          origin(),
        );
      await at('2029-05-14T10:00:00Z', message());
      await at('2029-05-15T10:00:00Z', message());
      // Written long after their courses closed: their seals count from the closing, not from now.
      const afterEarlyClose = posted(closedEarly, author, false);
      const afterLateClose = posted(closedLate, author, false);
      await at('2029-06-10T10:00:00Z', afterEarlyClose, afterLateClose);
      // News for the trainer on the eve: its digest goes at 7:00 on the 15th, after the pass below.
      await at('2029-06-14T10:00:00Z', posted(open, 'teacher.02', true));
      const rostersBefore = (await exportOf(author))('course-rosters');

      now = new Date('2029-06-15T04:30:00Z'); // 06:30 in Paris
      logged.length = 0;
      await module.runRetentionOnce();

      const recordsOf = await exportOf(author);
      const byItem = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a['itemId']).localeCompare(String(b['itemId']));
      expect(recordsOf('feedback-item-authors').sort(byItem)).toEqual(
        [
          { itemId: onJune, sealedIn: '2027-06' },
          { itemId: itemOf(afterLateClose), sealedIn: '2027-06' },
        ].sort(byItem),
      );
      expect(recordsOf('notices').map((notice) => [notice['createdOn'], notice['kind']])).toEqual([
        ['2029-05-15', 'Nouveau message'],
        ['2029-05-14', 'Nouveau message'],
        ['2028-12-15', 'Changement de statut de l’un de mes retours'],
      ]);
      expect(recordsOf('queued-mails')).toEqual([
        expect.objectContaining({
          subject: `Relais : Nouveau message dans « ${title} »`,
          updatedOn: '2029-05-15',
        }),
      ]);
      // What no day ends: his choices, his address, the courses he is a member of.
      expect(recordsOf('notification-preferences')).toHaveLength(1);
      expect(recordsOf('notification-address')).toEqual([{ email: addressOf(author) }]);
      expect(recordsOf('course-rosters')).toEqual(rostersBefore);
      // The trainer's news of yesterday waits for its digest: the pass never takes it, the digest does.
      expect((await exportOf(trainer))('notification-digest')).toEqual([
        expect.objectContaining({ day: '2029-06-14' }),
      ]);

      const passes = logged.filter((line) => line.message.startsWith('retention pass'));
      expect(passes).toEqual([
        {
          level: 'info',
          fields: {
            day: '2029-06-15',
            purged: {
              noticesDeleted: expect.any(Number),
              mailsDeleted: expect.any(Number),
              authorSealsDeleted: expect.any(Number),
              authorSealsDated: 0,
              digestEntriesOverdue: 0,
            },
          },
          message: expect.any(String),
        },
      ]);
      const first = passes[0]!.fields['purged'] as PurgeCounts;
      expect(first.noticesDeleted).toBeGreaterThanOrEqual(1);
      expect(first.mailsDeleted).toBeGreaterThanOrEqual(3);
      expect(first.authorSealsDeleted).toBeGreaterThanOrEqual(2);

      await module.runRetentionOnce();
      expect(logged.at(-1)?.fields).toEqual({
        day: '2029-06-15',
        purged: {
          noticesDeleted: 0,
          mailsDeleted: 0,
          authorSealsDeleted: 0,
          authorSealsDated: 0,
          digestEntriesOverdue: 0,
        },
      });
      expect((await exportOf(author))('notices')).toEqual(recordsOf('notices'));
      expect((await exportOf(author))('feedback-item-authors')).toHaveLength(2);

      now = new Date('2029-06-15T05:00:00Z'); // 07:00 in Paris: the digest goes, and its entry with it
      await module.runWorkerOnce();
      expect((await exportOf(trainer))('notification-digest')).toEqual([]);
      expect(logged.filter((line) => line.level === 'warn')).toEqual([]);
    });
  });
}
