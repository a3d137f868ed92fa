import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import type { ErasedPeople } from './application/notification-use-cases';
import type { Clock, MailTransport } from './application/ports';
import { createNotificationsService, type NotificationPorts, type NotificationsModule } from './compose';
import { InMemoryMailbox } from './infrastructure/mail/in-memory-mailbox';
import { InMemoryNotificationStore } from './infrastructure/memory/in-memory-notification-store';

/** A key pair for sealing authors, made per process where nothing outlives it (standalone, tests). */
export function recipientKeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

export interface InMemoryNotificationsOptions {
  verifier: TokenVerifier;
  /** The private half of the key pair whose public half the feedback service seals with. */
  recipientPrivateKey: string;
  publicUrl: string;
  /** Defaults to a mailbox in memory, shown at /dev/mails. */
  transport?: MailTransport;
  workerIntervalMs?: number;
  retentionIntervalMs?: number;
  clock?: Clock;
  /** The host's memory of erased people (the standalone's keyring). */
  erasedPeople?: ErasedPeople;
}

export interface InMemoryNotifications {
  module: NotificationsModule;
  mailbox: InMemoryMailbox;
  store: InMemoryNotificationStore;
}

/** Every port of notifications on in-memory adapters: standalone mode and fast tests. */
export function inMemoryAdapters(
  options: InMemoryNotificationsOptions,
  store: InMemoryNotificationStore = new InMemoryNotificationStore(),
): NotificationPorts {
  return {
    rosters: new InMemoryRosterStore(),
    store,
    transport: options.transport ?? new InMemoryMailbox(),
    verifier: options.verifier,
    recipientPrivateKey: options.recipientPrivateKey,
    // A fresh key per process: the links die with the notices they unsubscribe from.
    unsubscribeKey: randomBytes(32).toString('base64url'),
    publicUrl: options.publicUrl,
    ...(options.workerIntervalMs === undefined ? {} : { workerIntervalMs: options.workerIntervalMs }),
    ...(options.retentionIntervalMs === undefined
      ? {}
      : { retentionIntervalMs: options.retentionIntervalMs }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.erasedPeople ? { erasedPeople: options.erasedPeople } : {}),
  };
}

/** Notifications on in-memory adapters, with its mailbox and store in reach: the service's own tests. */
export function createInMemoryNotificationsService(
  options: InMemoryNotificationsOptions,
): InMemoryNotifications {
  const mailbox = new InMemoryMailbox();
  const store = new InMemoryNotificationStore();
  const module = createNotificationsService(
    inMemoryAdapters({ ...options, transport: options.transport ?? mailbox }, store),
  );
  return { module, mailbox, store };
}
