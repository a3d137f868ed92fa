import { MailDispatcher, backoffMs, defaultDispatchOptions } from '../../src/application/mail-dispatcher';
import { MailRejected, type MailTransport, type OutgoingMail } from '../../src/application/ports';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { aQueuedMail } from '../mothers/notification-mother';

/** A relay that fails as told, then accepts. */
class ScriptedRelay implements MailTransport {
  readonly accepted: OutgoingMail[] = [];
  constructor(private readonly failures: (() => Error)[]) {}
  async send(mail: OutgoingMail): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure();
    this.accepted.push(mail);
  }
}

const connectionRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ECONNREFUSED' });
const address = 'teacher.01@demo.relais.invalid';

function setUp(failures: (() => Error)[]) {
  let now = new Date('2026-12-07T09:00:00Z');
  const clock = { now: () => now };
  const store = new InMemoryNotificationStore();
  const relay = new ScriptedRelay(failures);
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    info: () => undefined,
  };
  const dispatcher = new MailDispatcher(store, relay, clock, log);
  return {
    store,
    relay,
    lines,
    dispatcher,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
  };
}

describe('the mail queue', () => {
  it('waits 30 s after a first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 8, 20].map((failures) => backoffMs(failures, defaultDispatchOptions))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
  });

  it('keeps a mail while the relay is down and sends it once it is back, after the backoff and not before', async () => {
    const { store, relay, dispatcher, advance, lines } = setUp([connectionRefused, connectionRefused]);
    const mail = aQueuedMail({ to: address, nextAttemptAt: new Date('2026-12-07T09:00:00Z') });
    await store.enqueueMail(mail);

    expect(await dispatcher.runOnce()).toBe(0);
    advance(29_000);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(store.mails.get(mail.id)).toMatchObject({ state: 'pending', attempts: 1 });
    advance(1_000);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(store.mails.get(mail.id)).toMatchObject({ state: 'pending', attempts: 2 });
    advance(60_000);
    expect(await dispatcher.runOnce()).toBe(1);

    expect(relay.accepted.map((sent) => sent.subject)).toEqual([mail.subject]);
    expect(store.mails.get(mail.id)).toMatchObject({ state: 'sent', attempts: 3 });
    advance(3_600_000);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(relay.accepted).toHaveLength(1);
    expect(lines.map((line) => line.fields)).toEqual([
      expect.objectContaining({ mailId: mail.id, attempts: 1, reason: 'ECONNREFUSED', retryInMs: 30_000 }),
      expect.objectContaining({ mailId: mail.id, attempts: 2, reason: 'ECONNREFUSED', retryInMs: 60_000 }),
    ]);
  });

  it('marks a mail the relay refuses for good (a bounce, 550) undeliverable, logs it without the address, and goes on with the next', async () => {
    const { store, relay, dispatcher, lines } = setUp([() => new MailRejected(550)]);
    const refused = aQueuedMail({ to: address, nextAttemptAt: new Date('2026-12-07T08:00:00Z') });
    const next = aQueuedMail({
      to: 'teacher.02@demo.relais.invalid',
      nextAttemptAt: new Date('2026-12-07T08:30:00Z'),
    });
    await store.enqueueMail(refused);
    await store.enqueueMail(next);

    expect(await dispatcher.runOnce()).toBe(1);

    expect(store.mails.get(refused.id)).toMatchObject({ state: 'undeliverable', attempts: 1 });
    expect(relay.accepted.map((mail) => mail.to)).toEqual(['teacher.02@demo.relais.invalid']);
    expect(lines).toEqual([
      {
        fields: { mailId: refused.id, responseCode: 550, attempts: 1 },
        message: expect.stringContaining('refused'),
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('teacher.01');
  });
});
