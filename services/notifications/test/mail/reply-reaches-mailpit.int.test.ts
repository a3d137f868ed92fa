import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createEvent, feedbackItemPosted, feedbackReplyPosted, sealRecipient } from '@relais/contracts';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import {
  demoNameOf,
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { createNotificationsService, type NotificationsModule } from '../../src/compose';
import { SmtpMailTransport } from '../../src/infrastructure/mail/smtp-transport';
import { MongoNotificationStore } from '../../src/infrastructure/mongo/mongo-notification-store';
import { notificationModels } from '../../src/infrastructure/mongo/notification-models';
import { mailpitFromEnvironment, messagesTo } from './mailpit';

const mailpit = mailpitFromEnvironment();
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const teachers = ['teacher.01', 'teacher.02', 'teacher.03', 'teacher.04', 'teacher.05'];

describe('a trainer’s reply to an anonymous item, on the real database and a real SMTP server', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let harness: ServiceHarness;
  let module: NotificationsModule;

  beforeAll(async () => {
    database = await openTestDatabase('notifications-mailpit');
    const models = notificationModels(database.connection);
    const rosters = rosterModel(database.connection);
    await ensureIndexes(database.connection);
    harness = await startServiceHarness((verifierFor) => {
      module = createNotificationsService({
        rosters: new MongoRosterStore(rosters),
        store: new MongoNotificationStore(models),
        transport: new SmtpMailTransport({
          host: mailpit.smtpHost,
          port: mailpit.smtpPort,
          secure: false,
          from: 'Relais <ne-pas-repondre@relais.invalid>',
        }),
        verifier: verifierFor('relais-notifications'),
        recipientPrivateKey: keys.privateKey,
        unsubscribeKey: randomBytes(32).toString('base64url'),
        publicUrl: 'http://relais.test',
        workerIntervalMs: 3_600_000,
      });
      return [module];
    });
  });
  afterAll(async () => {
    await harness.stop();
    await database.drop();
  });

  it('arrives in Mailpit saying what happened, with no text, author, category or intensity', async () => {
    expect((await harness.call('teacher.02', 'GET', '/api/notifications/me/notifications')).status).toBe(200);
    const title = `Différencier en CE1 ${randomUUID().slice(0, 8)}`;
    const courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers,
      title,
    });
    const itemId = randomUUID();
    const origin = { source: 'feedback', correlationId: randomUUID(), now: new Date() };
    for (const event of [
      createEvent(
        feedbackItemPosted,
        {
          courseId,
          itemId,
          anonymous: true,
          sealedAuthor: sealRecipient(keys.publicKey, userIdOf('teacher.02')),
        },
        origin,
      ),
      createEvent(feedbackReplyPosted, { courseId, itemId }, origin),
    ]) {
      await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
    }
    await harness.bus.idle();
    await module.runWorkerOnce();

    let found: Awaited<ReturnType<typeof messagesTo>> = [];
    for (let attempt = 0; attempt < 100 && found.length === 0; attempt += 1) {
      found = (await messagesTo(mailpit.url, 'teacher.02@demo.relais.invalid')).filter((message) =>
        message.Subject.includes(title),
      );
      if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(found).toHaveLength(1);
    const [mail] = found;
    expect(mail?.Subject).toBe(`Relais : Un formateur a répondu à l’un de vos retours dans « ${title} »`);
    expect(mail?.Text).toContain('Pour le voir : http://relais.test/mes-retours');
    for (const forbidden of [
      demoNameOf('teacher.02'),
      demoNameOf('trainer.alice'),
      userIdOf('teacher.02'),
      itemId,
    ]) {
      expect(mail?.Text).not.toContain(forbidden);
      expect(mail?.HTML).not.toContain(forbidden);
    }
  });
});
