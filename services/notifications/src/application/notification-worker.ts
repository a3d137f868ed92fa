import type { BackgroundJob } from '@relais/host';
import type { MailDispatcher } from './mail-dispatcher';
import type { NotificationLog } from './ports';
import type { NotificationUseCases } from './notification-use-cases';

/**
 * Every `intervalMs`: the digest and the closing reminders if their hour has come, then the mail queue. One pass at a time; a
 * failing pass (the database away) is logged and the next one tries again.
 */
export function notificationWorker(
  notifications: NotificationUseCases,
  dispatcher: MailDispatcher,
  log: NotificationLog,
  intervalMs: number,
): BackgroundJob & { runOnce(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let passes = 0;
  const pass = async () => {
    try {
      await notifications.runDigest();
      await notifications.remindOfClosingCourses();
      await dispatcher.runOnce();
      passes += 1;
      if (passes % 1_000 === 0) await dispatcher.prune();
    } catch (error) {
      log.warn({ reason: (error as { name?: unknown }).name ?? 'unknown' }, 'a notification pass failed');
    }
  };
  // A tick that finds the previous pass still going joins it rather than queueing another.
  const runOnce = () => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    name: 'notifications-worker',
    runOnce,
    start() {
      timer ??= setInterval(() => void runOnce(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
