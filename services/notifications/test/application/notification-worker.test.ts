import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import type { DigestEntry } from '../../src/application/ports';
import { createNotificationsService } from '../../src/compose';
import { InMemoryMailbox } from '../../src/infrastructure/mail/in-memory-mailbox';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { aQueuedMail } from '../mothers/notification-mother';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

/** The database goes away for the digest, then comes back. */
class FlakyStore extends InMemoryNotificationStore {
  away = true;
  override async digestBefore(day: string): Promise<DigestEntry[]> {
    if (this.away) {
      throw Object.assign(new Error('lost teacher.01@demo.relais.invalid'), { name: 'MongoNetworkError' });
    }
    return super.digestBefore(day);
  }
}

describe('the background jobs of notifications', () => {
  const store = new FlakyStore();
  const mailbox = new InMemoryMailbox();
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const module = createNotificationsService({
    rosters: new InMemoryRosterStore(),
    store,
    transport: mailbox,
    verifier: {} as TokenVerifier,
    recipientPrivateKey: privateKey,
    unsubscribeKey: randomBytes(32).toString('base64url'),
    publicUrl: 'http://relais.test',
    clock: { now: () => new Date('2026-12-07T10:00:00Z') },
    log: {
      warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
      info: (fields, message) => lines.push({ level: 'info', fields, message }),
    },
  });

  it('are the mail worker and the retention pass, each run one way (periodicJob)', () => {
    expect(module.background?.map((job) => job.name)).toEqual([
      'notifications-worker',
      'notifications-retention',
    ]);
  });

  it('log a failing worker pass by its error’s name only, and send the mails on the next pass', async () => {
    await store.enqueueMail(aQueuedMail({ nextAttemptAt: new Date('2026-12-07T09:00:00Z') }));

    await module.runWorkerOnce();
    expect(mailbox.mails()).toEqual([]);
    store.away = false;
    await module.runWorkerOnce();

    expect(mailbox.mails()).toHaveLength(1);
    expect(lines).toEqual([
      { level: 'warn', fields: { reason: 'MongoNetworkError' }, message: 'a notification pass failed' },
    ]);
  });
});
