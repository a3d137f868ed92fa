import type { MailTransport, OutgoingMail } from '../../application/ports';

export interface DeliveredMail extends OutgoingMail {
  deliveredAt: string;
}

/**
 * The standalone's mail relay: it keeps what it is given, newest first, for `/dev/mails`, so a new
 * user sees the mails Relais would send. Holds at most `capacity` mails.
 */
export class InMemoryMailbox implements MailTransport {
  private readonly delivered: DeliveredMail[] = [];

  constructor(
    private readonly capacity = 500,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const { to, subject, text, html, unsubscribeUrl } = mail;
    this.delivered.unshift({
      to,
      subject,
      text,
      html,
      unsubscribeUrl,
      deliveredAt: this.now().toISOString(),
    });
    this.delivered.length = Math.min(this.delivered.length, this.capacity);
  }

  mails(): readonly DeliveredMail[] {
    return this.delivered.map((mail) => ({ ...mail }));
  }
}
