import { loadProductionConfig, runProductionService } from '@relais/host';
import { createLogger, loadConfig } from '@relais/platform';
import { MongoRosterStore, rosterModel } from '@relais/roster';
import { createNotificationsService } from './compose';
import { notificationsConfigSchema } from './config';
import { SmtpMailTransport } from './infrastructure/mail/smtp-transport';
import { notificationModels } from './infrastructure/mongo/notification-models';
import { MongoNotificationStore } from './infrastructure/mongo/mongo-notification-store';

const own = loadConfig(notificationsConfigSchema);
const port = 8085;
const log = createLogger({
  service: 'notifications',
  level: loadProductionConfig('notifications', port).LOG_LEVEL,
});

await runProductionService('notifications', port, ({ connection, verifier }) =>
  createNotificationsService({
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
    log,
  }),
);
