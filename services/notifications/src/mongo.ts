import { erasedPeopleOf, type ProductionInfrastructure } from '@relais/host';
import { createLogger } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import type { z } from 'zod';
import type { NotificationPorts } from './compose';
import type { notificationsConfigSchema } from './config';
import { SmtpMailTransport } from './infrastructure/mail/smtp-transport';
import { MongoNotificationStore } from './infrastructure/mongo/mongo-notification-store';
import { notificationModels } from './infrastructure/mongo/notification-models';

/** Every port of notifications on MongoDB, in its own database, mailing through the SMTP relay: production. */
export function mongoAdapters(
  { config, connection, verifier, personKeys }: ProductionInfrastructure,
  own: z.output<typeof notificationsConfigSchema>,
): NotificationPorts {
  return {
    rosters: new MongoRosterStore(rosterModel(connection)),
    store: new MongoNotificationStore(notificationModels(connection)),
    transport: new SmtpMailTransport({
      host: own.SMTP_HOST,
      port: own.SMTP_PORT,
      secure: own.SMTP_SECURE,
      ...(own.SMTP_USER ? { user: own.SMTP_USER } : {}),
      ...(own.SMTP_PASSWORD ? { password: own.SMTP_PASSWORD } : {}),
      from: own.MAIL_FROM,
    }),
    verifier,
    recipientPrivateKey: own.NOTIFICATIONS_RECIPIENT_PRIVATE_KEY,
    unsubscribeKey: own.NOTIFICATIONS_UNSUBSCRIBE_KEY,
    publicUrl: own.PUBLIC_URL,
    digestHour: own.NOTIFICATIONS_DIGEST_HOUR,
    erasedPeople: erasedPeopleOf(personKeys),
    log: createLogger({ service: 'notifications', level: config.LOG_LEVEL }),
  };
}
