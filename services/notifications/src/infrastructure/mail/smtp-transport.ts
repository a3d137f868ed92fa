import nodemailer, { type Transporter } from 'nodemailer';
import { MailRejected, type MailTransport, type OutgoingMail } from '../../application/ports';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS when the relay offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** nodemailer's error as much as Relais reads of it: the SMTP reply code and nodemailer's code. */
interface SmtpError {
  responseCode?: number;
  code?: string;
}

/** Mail through an SMTP relay: Mailpit in tests, the ministry's relay in production. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly options: SmtpOptions) {
    this.transporter = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      ...(options.user && options.password ? { auth: { user: options.user, pass: options.password } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` },
      });
    } catch (error) {
      const { responseCode, code } = (error ?? {}) as SmtpError;
      // A 5xx reply or an envelope nodemailer cannot even build will fail the same way every time.
      if ((responseCode !== undefined && responseCode >= 500) || code === 'EENVELOPE') {
        throw new MailRejected(responseCode);
      }
      throw error;
    }
  }

  close(): void {
    this.transporter.close();
  }
}
