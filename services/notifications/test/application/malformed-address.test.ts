import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { completionRecorded, createEvent } from '@relais/contracts';
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

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('a malformed address in the realm', () => {
  let harness: ServiceHarness;
  let module: NotificationsModule;
  const store = new InMemoryNotificationStore();
  const mailbox = new InMemoryMailbox();
  const lines: { fields: Record<string, unknown>; message: string }[] = [];

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => {
      module = createNotificationsService({
        rosters: new InMemoryRosterStore(),
        store,
        transport: mailbox,
        verifier: verifierFor('relais-notifications'),
        recipientPrivateKey: privateKey,
        unsubscribeKey: randomBytes(32).toString('base64url'),
        publicUrl: 'http://relais.test',
        workerIntervalMs: 3_600_000,
        log: { warn: (fields, message) => lines.push({ fields, message }), info: () => undefined },
      });
      return [module];
    });
  });
  afterAll(() => harness.stop());

  it('is logged without itself and skipped: the notice is there, nothing crashes, others still get their mail', async () => {
    const malformed = 'jean dupont@@academie';
    await store.recordAddress(userIdOf('teacher.01'), malformed);
    await store.recordAddress(userIdOf('teacher.02'), 'teacher.02@demo.relais.invalid');
    const courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: ['teacher.01', 'teacher.02'],
    });
    for (const username of ['teacher.01', 'teacher.02']) {
      const event = createEvent(
        completionRecorded,
        { courseId, userId: userIdOf(username) },
        { source: 'enrollment', correlationId: 'c', now: new Date() },
      );
      await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
    }
    await harness.bus.idle();
    await module.runWorkerOnce();

    expect(await store.unreadCountOf(userIdOf('teacher.01'))).toBe(1);
    expect(mailbox.mails().map((mail) => mail.to)).toEqual(['teacher.02@demo.relais.invalid']);
    expect(lines).toEqual([
      { fields: { mailId: expect.any(String) }, message: expect.stringContaining('malformed') },
    ]);
    expect(JSON.stringify(lines)).not.toContain('dupont');
    expect(JSON.stringify(lines)).not.toContain(userIdOf('teacher.01'));
  });
});
