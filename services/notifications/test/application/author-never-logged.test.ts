import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import {
  createEvent,
  feedbackItemPosted,
  feedbackReplyPosted,
  feedbackStatusChanged,
  sealRecipient,
  type PendingEvent,
} from '@relais/contracts';
import { InMemoryRosterStore } from '@relais/roster';
import {
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { createNotificationsService, type NotificationsModule } from '../../src/compose';
import { InMemoryMailbox } from '../../src/infrastructure/mail/in-memory-mailbox';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

/**
 * The service opens an anonymous item's author to address a notice (ADR 0030): the link between item
 * and author must go no further than that notice, least of all into the logs.
 */
describe('the author the service opens', () => {
  const keys = pair();
  let harness: ServiceHarness;
  let module: NotificationsModule;
  const store = new InMemoryNotificationStore();
  const mailbox = new InMemoryMailbox();
  const lines: unknown[] = [];

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => {
      module = createNotificationsService({
        rosters: new InMemoryRosterStore(),
        store,
        transport: mailbox,
        verifier: verifierFor('relais-notifications'),
        recipientPrivateKey: keys.privateKey,
        unsubscribeKey: randomBytes(32).toString('base64url'),
        publicUrl: 'http://relais.test',
        workerIntervalMs: 3_600_000,
        log: {
          warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
          info: (fields, message) => lines.push({ level: 'info', fields, message }),
        },
      });
      return [module];
    });
  });
  afterAll(() => harness.stop());

  async function publish(...events: PendingEvent[]): Promise<void> {
    for (const event of events) {
      await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
    }
    await harness.bus.idle();
  }

  it('reaches the author’s notices and mail, and never a log line, with the item or the seal', async () => {
    const author = 'teacher.01';
    await store.recordAddress(userIdOf(author), `${author}@demo.relais.invalid`);
    const courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: [author, 'teacher.02', 'teacher.03', 'teacher.04', 'teacher.05'],
    });
    const origin = () => ({ source: 'feedback', correlationId: randomUUID(), now: new Date() });
    const itemId = randomUUID();
    const sealedAuthor = sealRecipient(keys.publicKey, userIdOf(author));
    // And an item sealed with another key, which the service cannot open: it says so in its log.
    const strayItem = randomUUID();
    const straySeal = sealRecipient(pair().publicKey, userIdOf(author));
    await publish(
      createEvent(feedbackItemPosted, { courseId, itemId, anonymous: true, sealedAuthor }, origin()),
      createEvent(
        feedbackItemPosted,
        { courseId, itemId: strayItem, anonymous: true, sealedAuthor: straySeal },
        origin(),
      ),
      createEvent(feedbackReplyPosted, { courseId, itemId }, origin()),
      createEvent(feedbackStatusChanged, { courseId, itemId, status: 'addressed' }, origin()),
      createEvent(feedbackReplyPosted, { courseId, itemId: strayItem }, origin()),
    );
    await module.runWorkerOnce();

    expect(await store.unreadCountOf(userIdOf(author))).toBe(2);
    expect(mailbox.mails().filter((mail) => mail.to === `${author}@demo.relais.invalid`)).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(0);
    const logged = JSON.stringify(lines);
    for (const secret of [userIdOf(author), author, itemId, strayItem, sealedAuthor, straySeal]) {
      expect(logged).not.toContain(secret);
    }
  });
});
