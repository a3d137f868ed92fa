import { dayOf } from '../domain/calendar';
import {
  MailRejected,
  type Clock,
  type MailTransport,
  type NotificationLog,
  type NotificationStore,
} from './ports';

export interface DispatchOptions {
  /** Mails taken per run. */
  batchSize: number;
  /** How long an attempt holds its mail before another dispatcher may try it again. */
  attemptTimeoutMs: number;
  /** First wait after a failure; it doubles at each failure up to `maxBackoffMs`. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultDispatchOptions: DispatchOptions = {
  batchSize: 20,
  attemptTimeoutMs: 120_000,
  firstBackoffMs: 30_000,
  maxBackoffMs: 3_600_000,
};

export function backoffMs(failures: number, options: DispatchOptions): number {
  return Math.min(options.firstBackoffMs * 2 ** Math.max(0, failures - 1), options.maxBackoffMs);
}

/**
 * Sends the queued mails. A relay that is down or answers 4xx leaves the mail queued for a later
 * attempt, for as long as it takes (nothing is lost); a relay that refuses it for good (5xx, bounce)
 * marks it undeliverable. Logs carry the mail's id and the relay's code, never the address. Sent and
 * undeliverable mails stay in the queue until the retention pass forgets them (NotificationRetention).
 */
export class MailDispatcher {
  constructor(
    private readonly store: NotificationStore,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly log: NotificationLog,
    private readonly options: DispatchOptions = defaultDispatchOptions,
  ) {}

  /** One pass over the due mails; returns how many were sent. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const mail of await this.store.dueMails(now, this.options.batchSize)) {
      const until = new Date(now.getTime() + this.options.attemptTimeoutMs);
      if (!(await this.store.claimMail(mail.id, mail, until))) continue;
      const attempts = mail.attempts + 1;
      const updatedOn = dayOf(this.clock.now());
      try {
        await this.transport.send(mail);
        await this.store.settleMail(mail.id, { state: 'sent', attempts, nextAttemptAt: now, updatedOn });
        sent += 1;
      } catch (error) {
        if (error instanceof MailRejected) {
          this.log.warn(
            { mailId: mail.id, responseCode: error.responseCode, attempts },
            'the mail relay refused a mail for good; it is kept as undeliverable',
          );
          await this.store.settleMail(mail.id, {
            state: 'undeliverable',
            attempts,
            nextAttemptAt: now,
            updatedOn,
          });
        } else {
          const wait = backoffMs(attempts, this.options);
          this.log.warn(
            { mailId: mail.id, attempts, retryInMs: wait, reason: reasonOf(error) },
            'a mail could not be sent; it stays queued',
          );
          await this.store.settleMail(mail.id, {
            state: 'pending',
            attempts,
            nextAttemptAt: new Date(this.clock.now().getTime() + wait),
            updatedOn,
          });
        }
      }
    }
    return sent;
  }
}

/** An error's code only: an SMTP error message may quote the address. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
