export { createNotificationsService, type NotificationPorts, type NotificationsModule } from './compose';
export {
  createInMemoryNotificationsService,
  inMemoryAdapters,
  recipientKeyPair,
  type InMemoryNotifications,
  type InMemoryNotificationsOptions,
} from './in-memory';
export { ErasureUseCases, type ErasureCounts } from './application/erasure';
export { notificationsConfigSchema } from './config';
export { mongoAdapters } from './mongo';
export { InMemoryNotificationStore } from './infrastructure/memory/in-memory-notification-store';
export { MongoNotificationStore } from './infrastructure/mongo/mongo-notification-store';
export { notificationModels } from './infrastructure/mongo/notification-models';
export { InMemoryMailbox, type DeliveredMail } from './infrastructure/mail/in-memory-mailbox';
export { SmtpMailTransport, type SmtpOptions } from './infrastructure/mail/smtp-transport';
export { devMailsHandler } from './infrastructure/http/dev-mails';
