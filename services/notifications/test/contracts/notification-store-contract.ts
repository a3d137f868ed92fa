import { randomUUID } from 'node:crypto';
import { defaultPreferences } from '../../src/domain/notice';
import type { NotificationStore, QueuedMail, SealedItemAuthor } from '../../src/application/ports';
import { aDigestEntry, aNotice, aNoticeFacts, aQueuedMail } from '../mothers/notification-mother';

/**
 * One suite, both adapters: the in-memory store (unit) and the mongoose one (integration).
 * `keepUndatedSeal` stores a seal as the adapter kept it before seals had a month.
 */
export function describeNotificationStoreContract<Store extends NotificationStore>(
  adapterName: string,
  open: () => Promise<Store>,
  keepUndatedSeal: (store: Store, itemId: string, sealedAuthor: string) => Promise<void>,
): void {
  describe(`notification store: ${adapterName}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });

    it('keeps a notice once: the same id again is refused and changes nothing', async () => {
      const notice = aNotice({ count: 3, kind: 'feedback-new' });
      expect(await store.addNotice(notice)).toBe(true);
      expect(await store.addNotice({ ...notice, count: 9 })).toBe(false);
      expect(await store.noticesOf(notice.recipient, 10)).toEqual([notice]);
      expect(await store.hasNotice(notice.id)).toBe(true);
      expect(await store.hasNotice(aNotice().id)).toBe(false);
    });

    it('keeps the closing day of a course-closing notice', async () => {
      const notice = aNotice({ kind: 'course-closing', closesOn: '2026-12-14' });
      await store.addNotice(notice);
      expect(await store.noticesOf(notice.recipient, 10)).toEqual([notice]);
    });

    it('lists a person’s notices newest day first, counts the unread and marks one read', async () => {
      const recipient = 'a1f7c0de-0000-4000-8000-000000000101';
      const older = aNotice({ recipient, createdOn: '2026-12-01' });
      const newer = aNotice({
        recipient,
        createdOn: '2026-12-06',
        kind: 'feedback-status',
        status: 'addressed',
      });
      const someoneElse = aNotice({ createdOn: '2026-12-07' });
      for (const notice of [older, newer, someoneElse]) await store.addNotice(notice);

      expect(await store.noticesOf(recipient, 10)).toEqual([newer, older]);
      expect(await store.noticesOf(recipient, 1)).toEqual([newer]);
      expect(await store.unreadCountOf(recipient)).toBe(2);
      expect(await store.markRead(recipient, older.id)).toBe(true);
      expect(await store.unreadCountOf(recipient)).toBe(1);
      expect(await store.markRead(recipient, someoneElse.id)).toBe(false);
      expect(await store.unreadCountOf(someoneElse.recipient)).toBe(1);
    });

    it('keeps preferences, addresses and sealed authors per person or item', async () => {
      expect(await store.preferencesOf('user-1')).toBeUndefined();
      const chosen = { ...defaultPreferences, 'feedback-reply': 'off' as const };
      await store.setPreferences('user-1', chosen);
      expect(await store.preferencesOf('user-1')).toEqual(chosen);

      expect(await store.addressOf('user-1')).toBeUndefined();
      await store.recordAddress('user-1', 'old@demo.relais.invalid');
      await store.recordAddress('user-1', 'new@demo.relais.invalid');
      expect(await store.addressOf('user-1')).toBe('new@demo.relais.invalid');

      await store.rememberAuthor('item-1', 'sealed-1', '2026-12');
      await store.rememberAuthor('item-1', 'sealed-again', '2027-01');
      expect(await store.sealedAuthorOf('item-1')).toBe('sealed-1');
      expect(await store.sealedAuthorOf('item-2')).toBeUndefined();
    });

    it('finds everything kept under one person’s id, all his notices and nothing of anyone else', async () => {
      const person = randomUUID();
      const someoneElse = randomUUID();
      const older = aNotice({ recipient: person, createdOn: '2026-12-01' });
      const newer = aNotice({ recipient: person, createdOn: '2026-12-06', read: true });
      for (const notice of [older, newer, aNotice({ recipient: someoneElse })]) await store.addNotice(notice);
      const chosen = { ...defaultPreferences, 'message-new': 'off' as const };
      await store.setPreferences(person, chosen);
      await store.setPreferences(someoneElse, defaultPreferences);
      await store.recordAddress(person, 'person@demo.relais.invalid');
      await store.recordAddress(someoneElse, 'someone@demo.relais.invalid');
      const waiting = aDigestEntry({ recipient: person });
      await store.addToDigest(waiting);
      await store.addToDigest(aDigestEntry({ recipient: someoneElse }));
      const mail = aQueuedMail({ recipient: person, to: 'person@demo.relais.invalid' });
      await store.enqueueMail(mail);
      await store.enqueueMail(aQueuedMail({ recipient: someoneElse }));

      expect(await store.heldAbout(person)).toEqual({
        notices: [newer, older],
        preferences: chosen,
        address: 'person@demo.relais.invalid',
        digest: [waiting],
        mails: [mail],
      });
      expect(await store.heldAbout(randomUUID())).toEqual({
        notices: [],
        preferences: undefined,
        address: undefined,
        digest: [],
        mails: [],
      });
    });

    it('hands over every sealed author, each once, for whoever must open them one by one', async () => {
      const remembered: SealedItemAuthor[] = Array.from({ length: 7 }, (_, index) => ({
        itemId: `item-${index}`,
        sealedAuthor: `sealed-${index}`,
        sealedIn: `2026-0${index + 1}`,
      }));
      for (const { itemId, sealedAuthor, sealedIn } of remembered) {
        await store.rememberAuthor(itemId, sealedAuthor, sealedIn!);
      }

      const handedOver: SealedItemAuthor[] = [];
      for await (const sealed of store.sealedItemAuthors()) handedOver.push(sealed);
      expect(handedOver.sort((a, b) => a.itemId.localeCompare(b.itemId))).toEqual(remembered);
    });

    it('holds digest entries by day until they are removed, each once', async () => {
      const yesterday = aDigestEntry({ day: '2026-12-06' });
      const today = aDigestEntry({
        day: '2026-12-07',
        facts: aNoticeFacts({ kind: 'feedback-status', status: 'acknowledged' }),
      });
      await store.addToDigest(yesterday);
      await store.addToDigest({ ...yesterday, withNotice: false });
      await store.addToDigest(today);

      expect(await store.digestBefore('2026-12-07')).toEqual([yesterday]);
      expect(await store.digestBefore('2026-12-08')).toHaveLength(2);
      await store.removeFromDigest([yesterday.id]);
      expect(await store.digestBefore('2026-12-08')).toEqual([today]);
    });

    it('queues a mail once, hands out the due ones oldest first, and lets one dispatcher claim each attempt', async () => {
      const now = new Date('2026-12-07T09:00:00Z');
      const first = aQueuedMail({ nextAttemptAt: new Date('2026-12-07T08:00:00Z') });
      const second = aQueuedMail({ nextAttemptAt: new Date('2026-12-07T08:30:00Z') });
      const later = aQueuedMail({ nextAttemptAt: new Date('2026-12-07T10:00:00Z') });
      for (const mail of [second, first, later]) await store.enqueueMail(mail);
      await store.enqueueMail({ ...first, subject: 'again' });

      expect(await store.dueMails(now, 10)).toEqual([first, second]);
      const until = new Date('2026-12-07T09:02:00Z');
      expect(await store.claimMail(first.id, first, until)).toBe(true);
      expect(await store.claimMail(first.id, first, until)).toBe(false);
      expect((await store.dueMails(now, 10)).map((mail) => mail.id)).toEqual([second.id]);
    });

    it('settles a mail as sent, to retry or undeliverable', async () => {
      const now = new Date('2026-12-07T09:00:00Z');
      const sent = aQueuedMail({ nextAttemptAt: now });
      const retried = aQueuedMail({ nextAttemptAt: now });
      const refused = aQueuedMail({ nextAttemptAt: now });
      for (const mail of [sent, retried, refused]) await store.enqueueMail(mail);

      await store.settleMail(sent.id, {
        state: 'sent',
        attempts: 1,
        nextAttemptAt: now,
        updatedOn: '2026-11-01',
      });
      const retryAt = new Date('2026-12-07T09:00:30Z');
      await store.settleMail(retried.id, {
        state: 'pending',
        attempts: 1,
        nextAttemptAt: retryAt,
        updatedOn: '2026-12-07',
      });
      await store.settleMail(refused.id, {
        state: 'undeliverable',
        attempts: 1,
        nextAttemptAt: now,
        updatedOn: '2026-11-01',
      });

      expect(await store.dueMails(now, 10)).toEqual([]);
      expect(await store.dueMails(retryAt, 10)).toEqual([
        { ...retried, attempts: 1, nextAttemptAt: retryAt },
      ]);
      // Settled mails stay queued: the same id again changes nothing (a redelivered event).
      await store.enqueueMail({ ...refused, state: 'pending', attempts: 0 });
      await store.enqueueMail({ ...sent, state: 'pending', attempts: 0 });
      expect(await store.dueMails(retryAt, 10)).toEqual([
        { ...retried, attempts: 1, nextAttemptAt: retryAt },
      ]);
    });

    describe('erasure (ADR 0033): forgets one person, nobody else, the same however often it runs', () => {
      it('forgets every kind kept under his id, whatever a mail’s state, and nothing of anyone else', async () => {
        const person = randomUUID();
        const someoneElse = randomUUID();
        for (const notice of [aNotice({ recipient: person }), aNotice({ recipient: person, read: true })]) {
          await store.addNotice(notice);
        }
        const othersNotice = aNotice({ recipient: someoneElse });
        await store.addNotice(othersNotice);
        await store.setPreferences(person, defaultPreferences);
        await store.setPreferences(someoneElse, defaultPreferences);
        await store.recordAddress(person, 'person@demo.relais.invalid');
        await store.recordAddress(someoneElse, 'someone@demo.relais.invalid');
        await store.addToDigest(aDigestEntry({ recipient: person }));
        const othersEntry = aDigestEntry({ recipient: someoneElse });
        await store.addToDigest(othersEntry);
        for (const state of ['pending', 'sent', 'undeliverable'] as const) {
          await store.enqueueMail(aQueuedMail({ recipient: person, state }));
        }
        const othersMail = aQueuedMail({ recipient: someoneElse });
        await store.enqueueMail(othersMail);
        const othersBefore = await store.heldAbout(someoneElse);

        expect(await store.deleteHeldAbout(person)).toEqual({
          notices: 2,
          preferences: 1,
          addresses: 1,
          digestEntries: 1,
          mails: 3,
        });

        expect(await store.heldAbout(person)).toEqual({
          notices: [],
          preferences: undefined,
          address: undefined,
          digest: [],
          mails: [],
        });
        expect(await store.heldAbout(someoneElse)).toEqual(othersBefore);
        expect(othersBefore.notices).toEqual([othersNotice]);
        expect(await store.digestBefore('2027-01-01')).toEqual([othersEntry]);
        const nobody = { notices: 0, preferences: 0, addresses: 0, digestEntries: 0, mails: 0 };
        expect(await store.deleteHeldAbout(person)).toEqual(nobody);
        expect(await store.deleteHeldAbout(randomUUID())).toEqual(nobody);
      });

      it('does not bring back a mail that a dispatcher settles after it was forgotten', async () => {
        const mail = aQueuedMail();
        await store.enqueueMail(mail);
        expect(await store.claimMail(mail.id, mail, new Date('2026-12-07T08:02:00Z'))).toBe(true);

        await store.deleteHeldAbout(mail.recipient);
        await store.settleMail(mail.id, {
          state: 'sent',
          attempts: 1,
          nextAttemptAt: mail.nextAttemptAt,
          updatedOn: '2026-12-07',
        });

        expect((await store.heldAbout(mail.recipient)).mails).toEqual([]);
        expect(await store.dueMails(new Date('2027-01-01T00:00:00Z'), 10)).toEqual([]);
        // Nothing of it is left under its id, not even a part the settling wrote: queued again, it is new.
        await store.enqueueMail(mail);
        expect(await store.dueMails(new Date('2027-01-01T00:00:00Z'), 10)).toEqual([mail]);
      });

      it('forgets the seals of the items it is given, and only those', async () => {
        for (const index of [1, 2, 3])
          await store.rememberAuthor(`item-${index}`, `sealed-${index}`, '2026-12');

        expect(await store.deleteSeals(['item-1', 'item-3', 'item-unknown'])).toBe(2);
        expect(await store.deleteSeals(['item-1', 'item-3'])).toBe(0);
        expect(await store.deleteSeals([])).toBe(0);

        const left: SealedItemAuthor[] = [];
        for await (const sealed of store.sealedItemAuthors()) left.push(sealed);
        expect(left).toEqual([{ itemId: 'item-2', sealedAuthor: 'sealed-2', sealedIn: '2026-12' }]);
      });
    });

    describe('retention (ADR 0032): forgets by day, the same however often it runs', () => {
      it('forgets the notices of days before the cutoff and keeps the cutoff’s own', async () => {
        const recipient = randomUUID();
        const before = aNotice({ recipient, createdOn: '2026-06-06' });
        const onCutoff = aNotice({ recipient, createdOn: '2026-06-07', read: true });
        const later = aNotice({ createdOn: '2026-11-30' });
        for (const notice of [before, onCutoff, later]) await store.addNotice(notice);

        expect(await store.deleteNoticesBefore('2026-06-07')).toBe(1);
        expect(await store.deleteNoticesBefore('2026-06-07')).toBe(0);

        expect(await store.noticesOf(recipient, 10)).toEqual([onCutoff]);
        expect(await store.hasNotice(before.id)).toBe(false);
        expect(await store.noticesOf(later.recipient, 10)).toEqual([later]);
      });

      it('forgets sent and undeliverable mails last changed before the cutoff, never a pending one', async () => {
        const recipient = randomUUID();
        const mail = (state: QueuedMail['state'], updatedOn: string) =>
          aQueuedMail({ recipient, state, updatedOn, nextAttemptAt: new Date('2027-01-01T00:00:00Z') });
        const sentBefore = mail('sent', '2026-11-06');
        const refusedBefore = mail('undeliverable', '2026-11-06');
        const sentOnCutoff = mail('sent', '2026-11-07');
        const refusedOnCutoff = mail('undeliverable', '2026-11-07');
        const stillRetried = mail('pending', '2026-10-01');
        const all = [sentBefore, refusedBefore, sentOnCutoff, refusedOnCutoff, stillRetried];
        for (const queued of all) await store.enqueueMail(queued);

        expect(await store.deleteFinishedMailsBefore('2026-11-07')).toBe(2);
        expect(await store.deleteFinishedMailsBefore('2026-11-07')).toBe(0);

        const kept = (await store.heldAbout(recipient)).mails.map((queued) => queued.id).sort();
        expect(kept).toEqual([sentOnCutoff.id, refusedOnCutoff.id, stillRetried.id].sort());
      });

      it('counts the digest entries of days before a day without removing any', async () => {
        for (const day of ['2026-12-04', '2026-12-05', '2026-12-06']) {
          await store.addToDigest(aDigestEntry({ day }));
        }

        expect(await store.countDigestBefore('2026-12-06')).toBe(2);
        expect(await store.countDigestBefore('2026-12-04')).toBe(0);
        expect(await store.digestBefore('2026-12-07')).toHaveLength(3);
      });

      it('forgets the seals of months before the cutoff’s, once undated ones have a month', async () => {
        await store.rememberAuthor('item-before', 'sealed-before', '2024-11');
        await store.rememberAuthor('item-on-cutoff', 'sealed-on-cutoff', '2024-12');
        await store.rememberAuthor('item-later', 'sealed-later', '2026-06');
        await keepUndatedSeal(store, 'item-undated', 'sealed-undated');

        expect(await store.dateUndatedSeals('2026-12')).toBe(1);
        expect(await store.dateUndatedSeals('2027-01')).toBe(0);
        expect(await store.deleteSealsBefore('2024-12')).toBe(1);
        expect(await store.deleteSealsBefore('2024-12')).toBe(0);

        const kept: SealedItemAuthor[] = [];
        for await (const sealed of store.sealedItemAuthors()) kept.push(sealed);
        expect(kept.sort((a, b) => a.itemId.localeCompare(b.itemId))).toEqual([
          { itemId: 'item-later', sealedAuthor: 'sealed-later', sealedIn: '2026-06' },
          { itemId: 'item-on-cutoff', sealedAuthor: 'sealed-on-cutoff', sealedIn: '2024-12' },
          { itemId: 'item-undated', sealedAuthor: 'sealed-undated', sealedIn: '2026-12' },
        ]);
        expect(await store.sealedAuthorOf('item-before')).toBeUndefined();
      });
    });
  });
}
