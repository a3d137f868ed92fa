import { randomUUID } from 'node:crypto';
import { MailDispatcher, defaultDispatchOptions } from '../../src/application/mail-dispatcher';
import type { MailTransport, OutgoingMail } from '../../src/application/ports';
import { SmtpMailTransport } from '../../src/infrastructure/mail/smtp-transport';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { aQueuedMail } from '../mothers/notification-mother';
import { headersOf, mailpitFromEnvironment, messagesTo, refuseRecipients } from './mailpit';

const mailpit = mailpitFromEnvironment();
const smtp = (port = mailpit.smtpPort) =>
  new SmtpMailTransport({
    host: mailpit.smtpHost,
    port,
    secure: false,
    user: 'relais',
    password: 'from-a-secret',
    from: 'Relais <ne-pas-repondre@relais.invalid>',
  });

/** A relay whose address can change under the dispatcher: down first, then up. */
class SwitchableRelay implements MailTransport {
  constructor(public current: MailTransport) {}
  send(mail: OutgoingMail): Promise<void> {
    return this.current.send(mail);
  }
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Mailpit did not receive the mail');
}

describe('mail through a real SMTP server (Mailpit)', () => {
  afterEach(() => refuseRecipients(mailpit.url, 0));

  it('delivers the text, the HTML and the List-Unsubscribe header as rendered', async () => {
    const to = `${randomUUID()}@demo.relais.invalid`;
    await smtp().send({
      to,
      subject: 'Relais : 3 nouveaux retours dans « Lire au CP »',
      text: 'Bonjour,\n\n3 nouveaux retours dans « Lire au CP ».',
      html: '<p>3 nouveaux retours dans « Lire au CP ».</p>',
      unsubscribeUrl: 'http://relais.test/api/notifications/unsubscribe/a.b',
    });

    const [message] = await until(async () => {
      const found = await messagesTo(mailpit.url, to);
      return found.length > 0 ? found : undefined;
    });
    expect(message).toMatchObject({
      Subject: 'Relais : 3 nouveaux retours dans « Lire au CP »',
      To: [expect.objectContaining({ Address: to })],
      Text: expect.stringContaining('3 nouveaux retours dans « Lire au CP ».'),
      HTML: expect.stringContaining('<p>3 nouveaux retours dans « Lire au CP ».</p>'),
    });
    expect((await headersOf(mailpit.url, message!.ID))['List-Unsubscribe']).toEqual([
      '<http://relais.test/api/notifications/unsubscribe/a.b>',
    ]);
  });

  it('keeps a mail queued while the relay is down and delivers it once it answers, after the backoff', async () => {
    let now = new Date('2026-12-07T10:00:00Z');
    const store = new InMemoryNotificationStore();
    // Port 9 (discard) is closed here: the connection is refused, as with a relay that is down.
    const relay = new SwitchableRelay(smtp(9));
    const dispatcher = new MailDispatcher(
      store,
      relay,
      { now: () => now },
      { warn: () => undefined, info: () => undefined },
      {
        ...defaultDispatchOptions,
      },
    );
    const to = `${randomUUID()}@demo.relais.invalid`;
    const mail = aQueuedMail({ to, subject: `Relais : attente ${to}`, nextAttemptAt: now });
    await store.enqueueMail(mail);

    expect(await dispatcher.runOnce()).toBe(0);
    expect(store.mails.get(mail.id)).toMatchObject({ state: 'pending', attempts: 1 });
    relay.current = smtp();
    expect(await dispatcher.runOnce()).toBe(0);
    now = new Date(now.getTime() + 30_000);
    expect(await dispatcher.runOnce()).toBe(1);

    expect(store.mails.get(mail.id)).toMatchObject({ state: 'sent', attempts: 2 });
    const messages = await until(async () => {
      const found = await messagesTo(mailpit.url, to);
      return found.length > 0 ? found : undefined;
    });
    expect(messages).toHaveLength(1);
  });

  it('takes a 550 from the relay as a bounce: the mail is undeliverable, logged without its address, and nothing crashes', async () => {
    await refuseRecipients(mailpit.url, 550);
    const store = new InMemoryNotificationStore();
    const lines: Record<string, unknown>[] = [];
    const now = new Date('2026-12-07T10:00:00Z');
    const dispatcher = new MailDispatcher(
      store,
      smtp(),
      { now: () => now },
      {
        warn: (fields) => lines.push(fields),
        info: () => undefined,
      },
    );
    const to = `bounce-${randomUUID()}@demo.relais.invalid`;
    const mail = aQueuedMail({ to, nextAttemptAt: now });
    await store.enqueueMail(mail);

    expect(await dispatcher.runOnce()).toBe(0);

    expect(store.mails.get(mail.id)).toMatchObject({ state: 'undeliverable', attempts: 1 });
    expect(lines).toEqual([{ mailId: mail.id, responseCode: 550, attempts: 1 }]);
    expect(JSON.stringify(lines)).not.toContain('bounce-');
  });
});
