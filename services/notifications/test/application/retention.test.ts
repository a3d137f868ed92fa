import { retentionRuleOf, type PersonalDataKind } from '@relais/platform';
import { notificationKinds } from '../../src/application/personal-data';
import { NotificationRetention, retentionJob } from '../../src/application/retention';
import type { NotificationLog } from '../../src/application/ports';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { aDigestEntry, aNotice, aQueuedMail } from '../mothers/notification-mother';

function capturedLog() {
  const lines: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }[] = [];
  const log: NotificationLog = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
  };
  return { lines, log };
}

describe('the rule each kind is purged by', () => {
  it('is the one its declaration shows in "Mes données"', () => {
    expect(retentionRuleOf(notificationKinds.notices)).toBe('notices');
    expect(retentionRuleOf(notificationKinds.mails)).toBe('mailQueue');
    expect(retentionRuleOf(notificationKinds.sealedAuthors)).toBe('authorSeals');
    expect(retentionRuleOf(notificationKinds.digest)).toBe('dailyQuota');
  });

  it('is refused when the fields of a kind disagree: the purge would have to choose', () => {
    const mixed: PersonalDataKind = {
      ...notificationKinds.notices,
      fields: {
        ...notificationKinds.notices.fields,
        read: { ...notificationKinds.notices.fields['read']!, retention: 'preferences' },
      },
    };
    expect(() => retentionRuleOf(mixed)).toThrow(/one retention rule/);
  });
});

describe('purgeExpired, on 7 December 2026', () => {
  const today = '2026-12-07';

  it('forgets notices of days before 7 June 2026, and keeps those of that day on', async () => {
    const store = new InMemoryNotificationStore();
    const recipient = 'a1f7c0de-0000-4000-8000-000000000301';
    const before = aNotice({ recipient, createdOn: '2026-06-06' });
    const onCutoff = aNotice({ recipient, createdOn: '2026-06-07' });
    for (const notice of [before, onCutoff]) await store.addNotice(notice);

    const counts = await new NotificationRetention(store).purgeExpired(today);

    expect(counts.noticesDeleted).toBe(1);
    expect(await store.noticesOf(recipient, 10)).toEqual([onCutoff]);
  });

  it('forgets sent and undeliverable mails after a calendar month, and never one still being sent', async () => {
    const store = new InMemoryNotificationStore();
    const sentBefore = aQueuedMail({ state: 'sent', updatedOn: '2026-11-06' });
    const sentOnCutoff = aQueuedMail({ state: 'sent', updatedOn: '2026-11-07' });
    const refusedBefore = aQueuedMail({ state: 'undeliverable', updatedOn: '2026-01-01' });
    const refusedOnCutoff = aQueuedMail({ state: 'undeliverable', updatedOn: '2026-11-07' });
    const pending = aQueuedMail({ state: 'pending', updatedOn: '2026-01-01' });
    for (const mail of [sentBefore, sentOnCutoff, refusedBefore, refusedOnCutoff, pending]) {
      await store.enqueueMail(mail);
    }

    const counts = await new NotificationRetention(store).purgeExpired(today);

    expect(counts.mailsDeleted).toBe(2);
    expect(
      store.mails
        .all()
        .map((mail) => mail.id)
        .sort(),
    ).toEqual([sentOnCutoff.id, refusedOnCutoff.id, pending.id].sort());
  });

  it('forgets seals of months before December 2024, dating first those kept without a month', async () => {
    const store = new InMemoryNotificationStore();
    await store.rememberAuthor('item-november', 'sealed', '2024-11');
    await store.rememberAuthor('item-december', 'sealed', '2024-12');
    store.authors.set('item-undated', { sealedAuthor: 'sealed' });

    const counts = await new NotificationRetention(store).purgeExpired(today);

    expect(counts).toMatchObject({ authorSealsDeleted: 1, authorSealsDated: 1 });
    expect(store.authors.get('item-november')).toBeUndefined();
    expect(store.authors.get('item-december')).toEqual({ sealedAuthor: 'sealed', sealedIn: '2024-12' });
    expect(store.authors.get('item-undated')).toEqual({ sealedAuthor: 'sealed', sealedIn: '2026-12' });
  });

  it('leaves the digest entries to the digest, and counts those it should have sent by now', async () => {
    const store = new InMemoryNotificationStore();
    const leftBehind = aDigestEntry({ day: '2026-12-05' });
    const yesterdays = aDigestEntry({ day: '2026-12-06' }); // its digest may not have gone yet
    const todays = aDigestEntry({ day: '2026-12-07' });
    for (const entry of [leftBehind, yesterdays, todays]) await store.addToDigest(entry);

    const counts = await new NotificationRetention(store).purgeExpired(today);

    expect(counts.digestEntriesOverdue).toBe(1);
    expect(await store.digestBefore('2026-12-08')).toHaveLength(3);
  });

  it('changes nothing more when it runs again, or in two replicas at once', async () => {
    const store = new InMemoryNotificationStore();
    await store.addNotice(aNotice({ createdOn: '2026-01-01' }));
    await store.enqueueMail(aQueuedMail({ state: 'sent', updatedOn: '2026-01-01' }));
    await store.rememberAuthor('item-old', 'sealed', '2024-01');
    store.authors.set('item-undated', { sealedAuthor: 'sealed' });
    const retention = new NotificationRetention(store);

    const [one, other] = await Promise.all([retention.purgeExpired(today), retention.purgeExpired(today)]);
    const again = await retention.purgeExpired(today);

    const sum = (key: keyof typeof one) => one[key] + other[key];
    expect([
      sum('noticesDeleted'),
      sum('mailsDeleted'),
      sum('authorSealsDeleted'),
      sum('authorSealsDated'),
    ]).toEqual([1, 1, 1, 1]);
    expect(again).toEqual({
      noticesDeleted: 0,
      mailsDeleted: 0,
      authorSealsDeleted: 0,
      authorSealsDated: 0,
      digestEntriesOverdue: 0,
    });
  });
});

describe('the retention job', () => {
  it('purges on the injected clock’s day in Paris and logs one line of counts, nothing else', async () => {
    const store = new InMemoryNotificationStore();
    const recipient = 'a1f7c0de-0000-4000-8000-000000000302';
    await store.addNotice(aNotice({ recipient, createdOn: '2026-06-06' }));
    await store.addNotice(aNotice({ recipient, createdOn: '2026-06-07' }));
    await store.enqueueMail(aQueuedMail({ recipient, state: 'sent', updatedOn: '2026-11-06' }));
    const { lines, log } = capturedLog();
    // 23:30 on the 6th in UTC is already the 7th in Paris, the day the records are dated by.
    const job = retentionJob(
      new NotificationRetention(store),
      { now: () => new Date('2026-12-06T23:30:00Z') },
      log,
    );

    await job.runOnce();

    expect(await store.noticesOf(recipient, 10)).toHaveLength(1);
    expect(lines).toEqual([
      {
        level: 'info',
        fields: {
          day: '2026-12-07',
          purged: {
            noticesDeleted: 1,
            mailsDeleted: 1,
            authorSealsDeleted: 0,
            authorSealsDated: 0,
            digestEntriesOverdue: 0,
          },
        },
        message: expect.stringContaining('retention'),
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(recipient);
    expect(job.name).toBe('notifications-retention');
  });

  it('warns with the error’s name only when a pass fails, and tries again on the next', async () => {
    class AwayStore extends InMemoryNotificationStore {
      away = true;
      override async deleteNoticesBefore(day: string): Promise<number> {
        if (this.away) {
          throw Object.assign(new Error('connection to teacher.01@demo.relais.invalid lost'), {
            name: 'MongoNetworkError',
          });
        }
        return super.deleteNoticesBefore(day);
      }
    }
    const store = new AwayStore();
    const { lines, log } = capturedLog();
    const job = retentionJob(
      new NotificationRetention(store),
      { now: () => new Date('2026-12-07T10:00:00Z') },
      log,
    );

    await job.runOnce();
    store.away = false;
    await job.runOnce();

    expect(lines.map(({ level, fields }) => ({ level, fields }))).toEqual([
      { level: 'warn', fields: { reason: 'MongoNetworkError' } },
      {
        level: 'info',
        fields: { day: '2026-12-07', purged: expect.objectContaining({ noticesDeleted: 0 }) },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('teacher.01');
  });
});
