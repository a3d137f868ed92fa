import { errorNameOf, periodicJob, type PeriodicJob } from '@relais/host';
import type { MailDispatcher } from './mail-dispatcher';
import type { NotificationLog } from './ports';
import type { NotificationUseCases } from './notification-use-cases';

/**
 * Every `intervalMs`: the digest and the closing reminders if their hour has come, then the mail
 * queue (sent mails are forgotten by the retention job, not here). One pass at a time (a tick that
 * finds the previous pass going joins it); a failing pass (the database away) is logged with the
 * error's name only and the next one tries again.
 */
export function notificationWorker(
  notifications: NotificationUseCases,
  dispatcher: MailDispatcher,
  log: NotificationLog,
  intervalMs: number,
): PeriodicJob {
  return periodicJob(
    'notifications-worker',
    async () => {
      await notifications.runDigest();
      await notifications.remindOfClosingCourses();
      await dispatcher.runOnce();
    },
    intervalMs,
    (error) => log.warn({ reason: errorNameOf(error) }, 'a notification pass failed'),
  );
}
