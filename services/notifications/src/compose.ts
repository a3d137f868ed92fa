import { createPrivateKey } from 'node:crypto';
import { openSealedRecipient } from '@relais/contracts';
import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import type { RosterStore } from '@relais/roster';
import { defaultDispatchOptions, MailDispatcher, type DispatchOptions } from './application/mail-dispatcher';
import { ErasureUseCases } from './application/erasure';
import { MailOutbox } from './application/mail-outbox';
import { NotificationUseCases, type ErasedPeople } from './application/notification-use-cases';
import { notificationWorker } from './application/notification-worker';
import { PersonalDataCollector } from './application/personal-data';
import { NotificationRetention, retentionJob } from './application/retention';
import {
  silentLog,
  type Clock,
  type MailTransport,
  type NotificationLog,
  type NotificationStore,
} from './application/ports';
import { UnsubscribeTokens } from './application/unsubscribe-tokens';
import { notificationsApi } from './infrastructure/http/notifications-api';
import { enrollmentSubscription, feedbackSubscription } from './infrastructure/subscriptions';

export interface NotificationPorts {
  rosters: RosterStore;
  store: NotificationStore;
  transport: MailTransport;
  verifier: TokenVerifier;
  /** The private key (PEM) whose public half the feedback service seals item authors with. */
  recipientPrivateKey: string;
  /** Signs the unsubscribe links; ≥ 32 characters, outside the database. */
  unsubscribeKey: string;
  /** Where the portal and its API answer, as links in mails give them (no trailing slash). */
  publicUrl: string;
  /** Hour (Europe/Paris) from which the digest of the previous days goes; 7 unless told. */
  digestHour?: number;
  /** How often the mail queue and the digest are looked at; 5 s unless told. */
  workerIntervalMs?: number;
  /** How often records past the retention schedule (ADR 0032) are looked for; hourly unless told. */
  retentionIntervalMs?: number;
  dispatch?: Partial<DispatchOptions>;
  log?: NotificationLog;
  /** What every day and hour of the service is read from, the retention's included. */
  clock?: Clock;
  /** The keyring's memory of erased people (ADR 0033); nobody is taken for erased without it. */
  erasedPeople?: ErasedPeople;
}

export interface NotificationsModule extends ServiceModule {
  /** One pass of the worker now: the digest if due, then the mail queue (tests, the demo). */
  runWorkerOnce(): Promise<void>;
  /** One retention pass now, on the clock's day (tests). */
  runRetentionOnce(): Promise<void>;
  /** Forgets a person everywhere in this service (ADR 0033); the erasure event will call it. */
  erasure: ErasureUseCases;
}

/** The one place where notifications are assembled; the same in one process or many (docs/design.md §3). */
export function createNotificationsService(ports: NotificationPorts): NotificationsModule {
  if (ports.unsubscribeKey.length < 32) {
    throw new RangeError('The unsubscribe key must be at least 32 characters.');
  }
  checkRecipientKey(ports.recipientPrivateKey);
  checkPublicUrl(ports.publicUrl);
  const clock = ports.clock ?? { now: () => new Date() };
  const log = ports.log ?? silentLog;
  const tokens = new UnsubscribeTokens(ports.unsubscribeKey);
  const publicUrl = ports.publicUrl.replace(/\/+$/, '');
  const outbox = new MailOutbox(ports.store, tokens, publicUrl, clock, log);
  const openSealed = (sealed: string) => {
    try {
      return openSealedRecipient(ports.recipientPrivateKey, sealed);
    } catch {
      return undefined;
    }
  };
  const notifications = new NotificationUseCases(
    ports.store,
    ports.rosters,
    outbox,
    tokens,
    openSealed,
    clock,
    log,
    {
      digestHour: ports.digestHour ?? 7,
      ...(ports.erasedPeople ? { erasedPeople: ports.erasedPeople } : {}),
    },
  );
  const dispatcher = new MailDispatcher(ports.store, ports.transport, clock, log, {
    ...defaultDispatchOptions,
    ...ports.dispatch,
  });
  const worker = notificationWorker(notifications, dispatcher, log, ports.workerIntervalMs ?? 5_000);
  const retention = retentionJob(
    new NotificationRetention(ports.store),
    clock,
    log,
    ports.retentionIntervalMs,
  );
  // One collector for the export and the erasure: one scan of the seals at a time in the process.
  const personalData = new PersonalDataCollector(ports.store, ports.rosters, openSealed);
  return {
    name: 'notifications',
    api: notificationsApi(notifications, personalData, ports.verifier),
    subscriptions: [
      enrollmentSubscription(ports.rosters, notifications),
      feedbackSubscription(notifications),
    ],
    outboxStores: [],
    background: [worker, retention],
    runWorkerOnce: () => worker.runOnce(),
    runRetentionOnce: () => retention.runOnce(),
    erasure: new ErasureUseCases(ports.store, ports.rosters, personalData),
  };
}

function checkRecipientKey(pem: string): void {
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'rsa') {
    throw new RangeError(
      'The recipient key (NOTIFICATIONS_RECIPIENT_PRIVATE_KEY) must be an RSA private key in PEM: the ' +
        'private half of the key whose public half the feedback service seals authors with (ADR 0030).',
    );
  }
}

function checkPublicUrl(value: string): void {
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new RangeError(`The public URL (PUBLIC_URL) must be an absolute http(s) URL such as https://host.`);
  }
}
