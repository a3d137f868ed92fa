import { dayOf } from '../domain/calendar';
import type { MailLinks, RenderedMail } from '../domain/mail';
import type { NoticeKind } from '../domain/notice';
import type { Clock, NotificationLog, NotificationStore } from './ports';
import type { UnsubscribeTokens } from './unsubscribe-tokens';

/** Plain enough to send to, strict enough to refuse what a relay would choke on (no spaces, one @). */
const plausibleAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

export function isPlausibleAddress(address: string): boolean {
  return address.length <= 254 && plausibleAddress.test(address);
}

/** Puts rendered mails into the store's queue, from which the dispatcher sends them. */
export class MailOutbox {
  constructor(
    private readonly store: NotificationStore,
    private readonly tokens: UnsubscribeTokens,
    private readonly publicUrl: string,
    private readonly clock: Clock,
    private readonly log: NotificationLog,
  ) {}

  linksFor(userId: string): MailLinks {
    return {
      portalUrl: this.publicUrl,
      unsubscribeUrlOf: (kind) =>
        `${this.publicUrl}/api/notifications/unsubscribe/${this.tokens.tokenFor(userId, kind)}`,
    };
  }

  /**
   * Queues a mail for the person, if an address is known and plausible. A malformed one is logged
   * without itself (it names a person) and skipped: the notice in the portal is there all the same.
   */
  async enqueue(
    id: string,
    recipient: string,
    firstKind: NoticeKind,
    render: (links: MailLinks) => RenderedMail,
  ): Promise<void> {
    const address = await this.store.addressOf(recipient);
    if (address === undefined) return;
    if (!isPlausibleAddress(address)) {
      this.log.warn({ mailId: id }, 'a recipient address is malformed; no mail sent (the notice stays)');
      return;
    }
    const links = this.linksFor(recipient);
    const now = this.clock.now();
    await this.store.enqueueMail({
      id,
      recipient,
      to: address,
      ...render(links),
      unsubscribeUrl: links.unsubscribeUrlOf(firstKind),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      updatedOn: dayOf(now),
    });
  }
}
