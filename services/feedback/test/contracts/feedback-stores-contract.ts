import { randomUUID } from 'node:crypto';
import type { OutboxStore } from '@relais/bus';
import {
  contributionCounted,
  createEvent,
  feedbackItemPosted,
  feedbackMessageSent,
  type PendingEvent,
} from '@relais/contracts';
import type {
  AuthorshipIndex,
  DailyQuota,
  FeedbackItemStore,
  MessageStore,
  RespondentCounter,
} from '../../src/application/ports';
import type { Message } from '../../src/domain/message';
import { FeedbackItemMother, ReplyMother } from '../mothers/feedback-item-mother';

export interface FeedbackStores {
  items: FeedbackItemStore;
  authorship: AuthorshipIndex;
  outbox: OutboxStore;
  respondents: RespondentCounter;
  quota: DailyQuota;
  messages: MessageStore;
  messageOutbox: OutboxStore;
}

const aFact = (): PendingEvent =>
  createEvent(contributionCounted, contributionCounted.example, {
    source: 'feedback',
    correlationId: randomUUID(),
    now: new Date('2026-11-02T10:00:00Z'),
  });

/** A notice of a new item (it refers to a person: its sealed author), saved at `now`. */
const aNoticeOf = (item: { id: string; courseId: string }, now: Date): PendingEvent =>
  createEvent(
    feedbackItemPosted,
    { courseId: item.courseId, itemId: item.id, anonymous: true },
    { source: 'feedback', correlationId: randomUUID(), now },
  );

/** A fact (it names no one), saved at `now`: facts keep only the day. */
const aFactOn = (now: Date): PendingEvent =>
  createEvent(contributionCounted, contributionCounted.example, {
    source: 'feedback',
    correlationId: randomUUID(),
    now,
  });

/** Pending facts of every document, as the relay would find them. */
async function pendingEventIds(outbox: OutboxStore): Promise<string[]> {
  const owner = randomUUID();
  const claimed = await outbox.claim(owner, 60_000, 1_000);
  for (const document of claimed) await outbox.acknowledge(document.documentId, owner, []);
  return claimed.flatMap((document) => document.events.map((event) => event.envelope.id));
}

/** What the relay does once it has published: every pending event leaves its document. */
async function publishEverything(outbox: OutboxStore): Promise<void> {
  const owner = randomUUID();
  for (const document of await outbox.claim(owner, 60_000, 1_000)) {
    const ids = document.events.map((event) => event.envelope.id);
    await outbox.acknowledge(document.documentId, owner, ids);
  }
}

/** One contract for the in-memory and the mongoose adapters of feedback's stores. */
export function describeFeedbackStoresContract(
  adapterName: string,
  open: () => Promise<FeedbackStores>,
): void {
  describe(`feedback stores contract: ${adapterName}`, () => {
    let stores: FeedbackStores;
    beforeEach(async () => {
      stores = await open();
    });

    describe('items', () => {
      it('stores an anonymous item and reads it back, at revision 1, with nothing added', async () => {
        const item = FeedbackItemMother.anonymous();
        await stores.items.insert(item, []);
        expect(await stores.items.findById(item.id)).toEqual({ item, revision: 1 });
      });

      it('stores a named item with replies and responsiveness as it was given', async () => {
        const item = FeedbackItemMother.named({
          status: 'acknowledged',
          firstTrainerReplyOn: '2026-11-04',
          replies: [
            ReplyMother.byTrainer(),
            ReplyMother.byAuthor(),
            ReplyMother.byAuthor({ name: 'Camille' }),
          ],
        });
        await stores.items.insert(item, []);
        expect((await stores.items.findById(item.id))?.item).toEqual(item);
      });

      it('answers undefined for an unknown item', async () => {
        expect(await stores.items.findById(randomUUID())).toBeUndefined();
      });

      it('replaces only from the revision it read', async () => {
        const item = FeedbackItemMother.anonymous();
        await stores.items.insert(item, []);
        const read = (await stores.items.findById(item.id))!;
        const acknowledged = { ...item, status: 'acknowledged' as const };
        expect(await stores.items.replace(read, acknowledged, [])).toBe(true);
        expect(await stores.items.replace(read, { ...item, status: 'addressed' }, [])).toBe(false);
        expect(await stores.items.findById(item.id)).toEqual({ item: acknowledged, revision: 2 });
      });

      it('lets exactly one of many concurrent saves from the same revision win', async () => {
        const item = FeedbackItemMother.anonymous();
        await stores.items.insert(item, []);
        const read = (await stores.items.findById(item.id))!;
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, () =>
            stores.items.replace(read, { ...item, replies: [ReplyMother.byTrainer()] }, []),
          ),
        );
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        expect((await stores.items.findById(item.id))?.item.replies).toHaveLength(1);
      });

      it('lists the items of one course only', async () => {
        const courseId = randomUUID();
        const mine = [FeedbackItemMother.anonymous({ courseId }), FeedbackItemMother.named({ courseId })];
        for (const item of [...mine, FeedbackItemMother.anonymous()]) await stores.items.insert(item, []);
        const read = (await stores.items.findById(mine[0]!.id))!;
        const replied = { ...mine[0]!, replies: [ReplyMother.byTrainer()] };
        await stores.items.replace(read, replied, []);
        const listed = await stores.items.inCourse(courseId);
        expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [replied, mine[1]].sort((a, b) => a!.id.localeCompare(b!.id)),
        );
      });

      it('removes an item at once, from reads and lists, and refuses a stale removal', async () => {
        const item = FeedbackItemMother.anonymous();
        await stores.items.insert(item, []);
        const read = (await stores.items.findById(item.id))!;
        await stores.items.replace(read, { ...item, status: 'acknowledged' }, []);
        expect(await stores.items.remove(read)).toBe(false);
        expect(await stores.items.remove((await stores.items.findById(item.id))!)).toBe(true);
        expect(await stores.items.findById(item.id)).toBeUndefined();
        expect(await stores.items.inCourse(item.courseId)).toEqual([]);
      });

      it('lists the courses that hold items, each once, and forgets one whose items were all removed', async () => {
        const [kept, emptied] = [randomUUID(), randomUUID()];
        const items = [
          FeedbackItemMother.anonymous({ courseId: kept }),
          FeedbackItemMother.named({ courseId: kept }),
          FeedbackItemMother.anonymous({ courseId: emptied }),
        ];
        for (const item of items) await stores.items.insert(item, []);
        const read = (await stores.items.findById(items[0]!.id))!;
        await stores.items.replace(read, { ...items[0]!, status: 'acknowledged' }, []);
        expect((await stores.items.coursesWithItems()).sort()).toEqual([kept, emptied].sort());
        await stores.items.remove((await stores.items.findById(items[2]!.id))!);
        expect(await stores.items.coursesWithItems()).toEqual([kept]);
      });

      it('keeps the facts of every save for the outbox, even of a removed item', async () => {
        const item = FeedbackItemMother.anonymous();
        const posted = aFact();
        const replied = aFact();
        await stores.items.insert(item, [posted]);
        const read = (await stores.items.findById(item.id))!;
        await stores.items.replace(read, { ...item, replies: [ReplyMother.byTrainer()] }, [replied]);
        await stores.items.remove((await stores.items.findById(item.id))!);
        expect((await pendingEventIds(stores.outbox)).sort()).toEqual(
          [posted.envelope.id, replied.envelope.id].sort(),
        );
      });

      it('tells the type and day of the events still pending in the saves of the given items only', async () => {
        const [mine, other, published] = [
          FeedbackItemMother.anonymous(),
          FeedbackItemMother.named(),
          FeedbackItemMother.anonymous(),
        ];
        await stores.items.insert(mine, [aFact()]);
        await stores.items.replace(
          (await stores.items.findById(mine.id))!,
          { ...mine, status: 'acknowledged' },
          [aFact()],
        );
        await stores.items.insert(other, [aFact()]);
        await stores.items.insert(published, []);
        const counted = { type: contributionCounted.type, occurredOn: '2026-11-02' };

        const pending = await stores.items.pendingEventsOf([mine.id, published.id, randomUUID()]);

        expect([...pending]).toEqual([[mine.id, [counted, counted]]]);
        await publishEverything(stores.outbox);
        expect(await stores.items.pendingEventsOf([mine.id, other.id])).toEqual(new Map());
        expect(await stores.items.pendingEventsOf([])).toEqual(new Map());
      });

      it('forgets the items of one visibility in the given courses, with their replies and pending events, and keeps the rest', async () => {
        const [past, kept] = [randomUUID(), randomUUID()];
        const named = FeedbackItemMother.named({ courseId: past });
        const anonymous = FeedbackItemMother.anonymous({ courseId: past });
        const withdrawn = FeedbackItemMother.named({ courseId: past });
        const others = [
          FeedbackItemMother.named({ courseId: kept }),
          FeedbackItemMother.anonymous({ courseId: kept }),
        ];
        await stores.items.insert(named, [aFact()]);
        await stores.items.insert(anonymous, []);
        const replied = { ...anonymous, replies: [ReplyMother.byTrainer()] };
        await stores.items.replace((await stores.items.findById(anonymous.id))!, replied, []);
        const withdrawnFact = aFact();
        await stores.items.insert(withdrawn, [withdrawnFact]);
        await stores.items.remove((await stores.items.findById(withdrawn.id))!);
        for (const item of others) await stores.items.insert(item, []);

        expect(await stores.items.forgetCourses([past, randomUUID()], 'named')).toBe(1);
        expect(await stores.items.findById(named.id)).toBeUndefined();
        expect(await stores.items.inCourse(past)).toEqual([replied]);
        expect(await stores.items.forgetCourses([past], 'anonymous')).toBe(1);

        expect(await stores.items.inCourse(past)).toEqual([]);
        expect(await stores.items.coursesWithItems()).toEqual([kept]);
        expect((await stores.items.inCourse(kept)).map((item) => item.id).sort()).toEqual(
          others.map((item) => item.id).sort(),
        );
        // The deleted item's events went with it; a withdrawn item's contentless last version, which
        // names no course, keeps its facts for the relay.
        expect(await pendingEventIds(stores.outbox)).toEqual([withdrawnFact.envelope.id]);
        // Idempotent: a second pass, or another replica's, finds nothing more to delete.
        expect(await stores.items.forgetCourses([past], 'named')).toBe(0);
        expect(await stores.items.forgetCourses([past], 'anonymous')).toBe(0);
        expect(await stores.items.forgetCourses([], 'named')).toBe(0);
      });

      it('forgets the items of more courses than one delete takes, also when two replicas race', async () => {
        const courses = Array.from({ length: 1_203 }, () => randomUUID());
        const inCourses = [courses[0], courses[600], courses[1_202]].flatMap((courseId) =>
          courseId === undefined ? [] : [FeedbackItemMother.named({ courseId })],
        );
        for (const item of inCourses) await stores.items.insert(item, []);

        const [first, second] = await Promise.all([
          stores.items.forgetCourses(courses, 'named'),
          stores.items.forgetCourses(courses, 'named'),
        ]);

        // Which replica deleted what is left to the database; each count is of items that existed.
        expect([first, second].every((count) => count >= 0 && count <= 3)).toBe(true);
        expect(first + second).toBeGreaterThanOrEqual(3);
        expect(await stores.items.coursesWithItems()).toEqual([]);
      });

      it('drops the notices pending since before a day, each once, and keeps facts and later notices', async () => {
        const [longAgo, lately] = [new Date('2026-09-30T22:15:00Z'), new Date('2026-10-01T06:00:00Z')];
        const item = FeedbackItemMother.anonymous();
        const other = FeedbackItemMother.named();
        const [staleNotice, oldFact, laterNotice, otherStale] = [
          aNoticeOf(item, longAgo),
          aFactOn(longAgo),
          aNoticeOf(item, lately),
          aNoticeOf(other, longAgo),
        ];
        await stores.items.insert(item, [staleNotice, oldFact]);
        // The next save carries the pending events of the one it replaces: still dropped once.
        await stores.items.replace(
          (await stores.items.findById(item.id))!,
          { ...item, status: 'acknowledged' },
          [laterNotice],
        );
        await stores.items.insert(other, [otherStale]);

        expect(await stores.items.dropNoticesPendingBefore('2026-10-01')).toBe(2);

        expect((await pendingEventIds(stores.outbox)).sort()).toEqual(
          [oldFact.envelope.id, laterNotice.envelope.id].sort(),
        );
        expect(await stores.items.dropNoticesPendingBefore('2026-10-01')).toBe(0);
        // The item itself is untouched.
        expect((await stores.items.findById(item.id))?.item.status).toBe('acknowledged');
      });
      it('drops, for erasure, the notices pending in the saves of the given items, each once, and keeps facts and other items’ notices', async () => {
        const at = new Date('2026-11-02T10:00:00Z');
        const [his, alsoHis, other] = [
          FeedbackItemMother.named(),
          FeedbackItemMother.named(),
          FeedbackItemMother.anonymous(),
        ];
        const [posted, fact, laterNotice, alsoPosted, otherPosted] = [
          aNoticeOf(his, at),
          aFactOn(at),
          aNoticeOf(his, at),
          aNoticeOf(alsoHis, at),
          aNoticeOf(other, at),
        ];
        await stores.items.insert(his, [posted, fact]);
        // The next save carries the pending events of the one it replaces: still dropped once.
        await stores.items.replace(
          (await stores.items.findById(his.id))!,
          { ...his, status: 'acknowledged' },
          [laterNotice],
        );
        await stores.items.insert(alsoHis, [alsoPosted]);
        await stores.items.insert(other, [otherPosted]);

        expect(await stores.items.dropNoticesOf([his.id, alsoHis.id, randomUUID()])).toBe(3);

        expect((await pendingEventIds(stores.outbox)).sort()).toEqual(
          [fact.envelope.id, otherPosted.envelope.id].sort(),
        );
        expect(await stores.items.dropNoticesOf([his.id, alsoHis.id])).toBe(0);
        expect(await stores.items.dropNoticesOf([])).toBe(0);
        expect((await stores.items.findById(his.id))?.item.status).toBe('acknowledged');
      });
    });

    describe('respondents counted', () => {
      it('remembers tokens once marked, and marking twice is harmless', async () => {
        const [a, b] = [randomUUID(), randomUUID()];
        expect(await stores.respondents.alreadyCounted([a, b])).toEqual(new Set());
        await stores.respondents.markCounted([a]);
        await stores.respondents.markCounted([a, b]);
        expect(await stores.respondents.alreadyCounted([a, b, randomUUID()])).toEqual(new Set([a, b]));
      });
    });

    describe('authorship index', () => {
      it('answers which of the given tokens were recorded; recording twice is harmless', async () => {
        const [a, b] = [randomUUID(), randomUUID()];
        expect(await stores.authorship.recorded([a, b])).toEqual(new Set());
        await stores.authorship.record(a);
        await stores.authorship.record(a);
        expect(await stores.authorship.recorded([a, b])).toEqual(new Set([a]));
        expect(await stores.authorship.recorded([])).toEqual(new Set());
      });

      it('forgets the given tokens and no other; forgetting twice or an unknown token is harmless', async () => {
        const [gone, alsoGone, kept] = [randomUUID(), randomUUID(), randomUUID()];
        for (const token of [gone, alsoGone, kept]) await stores.authorship.record(token);

        await stores.authorship.forget([gone, alsoGone, randomUUID()]);
        await stores.authorship.forget([gone]);
        await stores.authorship.forget([]);

        expect(await stores.authorship.recorded([gone, alsoGone, kept])).toEqual(new Set([kept]));
      });
    });

    describe('daily quota', () => {
      it('grants the limit, then refuses, per key', async () => {
        const [key, other] = [randomUUID(), randomUUID()];
        const takes = [];
        for (let i = 0; i < 4; i += 1) takes.push(await stores.quota.take(key, '2026-11-02', 3));
        expect(takes).toEqual([true, true, true, false]);
        expect(await stores.quota.take(other, '2026-11-02', 3)).toBe(true);
      });

      it('tells the days it holds and how many slots of given keys are used, and nothing of others', async () => {
        const [key, other, unused] = [randomUUID(), randomUUID(), randomUUID()];
        await stores.quota.take(key, '2026-11-02', 3);
        await stores.quota.take(key, '2026-11-02', 3);
        await stores.quota.take(other, '2026-11-02', 3);
        expect(await stores.quota.daysHeld()).toEqual(['2026-11-02']);
        expect(await stores.quota.used([key, unused])).toEqual(new Map([[key, 2]]));
        expect(await stores.quota.used([])).toEqual(new Map());
      });

      it('never grants more than the limit to concurrent writers', async () => {
        const key = randomUUID();
        const takes = await Promise.all(
          Array.from({ length: 8 }, () => stores.quota.take(key, '2026-11-02', 3)),
        );
        expect(takes.filter(Boolean)).toHaveLength(3);
      });

      it('forgets the used slots of the days before a day, and keeps that day’s and later ones', async () => {
        const [yesterdays, todays, tomorrows] = [randomUUID(), randomUUID(), randomUUID()];
        // Latest day first: a key's first write of a day drops the days before it by itself.
        await stores.quota.take(tomorrows, '2026-11-03', 3);
        await stores.quota.take(todays, '2026-11-02', 3);
        await stores.quota.take(yesterdays, '2026-11-01', 3);
        await stores.quota.take(yesterdays, '2026-11-01', 3);

        expect(await stores.quota.forgetDaysBefore('2026-11-02')).toBe(2);

        expect((await stores.quota.daysHeld()).sort()).toEqual(['2026-11-02', '2026-11-03']);
        expect(await stores.quota.used([yesterdays, todays, tomorrows])).toEqual(
          new Map([
            [todays, 1],
            [tomorrows, 1],
          ]),
        );
        expect(await stores.quota.forgetDaysBefore('2026-11-02')).toBe(0);
      });
      it('forgets, for erasure, the used slots of the given keys whatever their day, and no other', async () => {
        const [his, hisOtherDay, kept] = [randomUUID(), randomUUID(), randomUUID()];
        // Latest day first: a key's first write of a day drops the days before it by itself.
        await stores.quota.take(hisOtherDay, '2026-11-03', 3);
        await stores.quota.take(his, '2026-11-02', 3);
        await stores.quota.take(his, '2026-11-02', 3);
        await stores.quota.take(kept, '2026-11-02', 3);
        // A key that is another's prefix must not take its slots along.
        const extended = `${kept}x`;
        await stores.quota.take(extended, '2026-11-02', 3);

        expect(await stores.quota.forgetKeys([his, hisOtherDay, randomUUID()])).toBe(3);

        expect(await stores.quota.used([his, hisOtherDay, kept, extended])).toEqual(
          new Map([
            [kept, 1],
            [extended, 1],
          ]),
        );
        expect(await stores.quota.forgetKeys([his, hisOtherDay])).toBe(0);
        expect(await stores.quota.forgetKeys([])).toBe(0);
        // The slots freed count again from the first: the limit still holds for a key reused.
        expect(await stores.quota.take(his, '2026-11-02', 1)).toBe(true);
        expect(await stores.quota.take(his, '2026-11-02', 1)).toBe(false);
      });
    });

    describe('messages', () => {
      const message = (overrides: Partial<Message>): Message => ({
        id: randomUUID(),
        courseId: randomUUID(),
        fromUserId: 'user-a',
        fromName: 'Alice',
        toUserId: 'user-b',
        toName: 'Bruno',
        text: 'Hello',
        sentOn: '2026-11-02',
        ...overrides,
      });

      it('lists messages to and from a person, newest first, and nobody else’s', async () => {
        const sender = randomUUID();
        const first = message({ fromUserId: sender });
        const second = message({ toUserId: sender, text: 'Reply' });
        await stores.messages.add(first, []);
        await stores.messages.add(second, []);
        await stores.messages.add(message({}), []);
        expect(await stores.messages.involving(sender)).toEqual([second, first]);
      });

      it('keeps the events of a sending for the relay, and never shows them as part of a message', async () => {
        const sent = message({});
        const event = createEvent(
          feedbackMessageSent,
          { messageId: sent.id, courseId: sent.courseId, recipientId: sent.toUserId },
          { source: 'feedback', correlationId: randomUUID(), now: new Date('2026-11-02T10:00:00Z') },
        );
        await stores.messages.add(sent, [event]);
        expect(await pendingEventIds(stores.messageOutbox)).toEqual([event.envelope.id]);
        expect(await stores.messages.involving(sent.toUserId)).toContainEqual(sent);
      });

      it('holds every message to and from a person, newest first, with the type and day of its pending events', async () => {
        const person = randomUUID();
        const sent = message({ fromUserId: person });
        const received = message({ toUserId: person, text: 'Reply' });
        const noticeOf = (m: Message) =>
          createEvent(
            feedbackMessageSent,
            { messageId: m.id, courseId: m.courseId, recipientId: m.toUserId },
            { source: 'feedback', correlationId: randomUUID(), now: new Date('2026-11-02T10:00:00Z') },
          );
        await stores.messages.add(sent, [noticeOf(sent)]);
        await stores.messages.add(received, []);
        await stores.messages.add(message({}), []);

        expect(await stores.messages.heldAbout(person)).toEqual([
          { message: received, pendingEvents: [] },
          { message: sent, pendingEvents: [{ type: feedbackMessageSent.type, occurredOn: '2026-11-02' }] },
        ]);
        await publishEverything(stores.messageOutbox);
        expect((await stores.messages.heldAbout(person)).map((held) => held.pendingEvents)).toEqual([[], []]);
        expect(await stores.messages.heldAbout(randomUUID())).toEqual([]);
      });

      it('forgets every message of the given courses, and keeps the others', async () => {
        const [past, alsoPast, kept] = [randomUUID(), randomUUID(), randomUUID()];
        const person = randomUUID();
        const keptMessage = message({ courseId: kept, toUserId: person });
        await stores.messages.add(message({ courseId: past, fromUserId: person }), []);
        await stores.messages.add(message({ courseId: past, toUserId: person }), []);
        await stores.messages.add(message({ courseId: alsoPast }), []);
        await stores.messages.add(keptMessage, []);

        expect(await stores.messages.forgetCourses([past, alsoPast, randomUUID()])).toBe(3);

        expect(await stores.messages.involving(person)).toEqual([keptMessage]);
        expect(await stores.messages.forgetCourses([past, alsoPast])).toBe(0);
        expect(await stores.messages.forgetCourses([])).toBe(0);
      });

      it('forgets the messages of more courses than one delete takes', async () => {
        const courses = Array.from({ length: 1_203 }, () => randomUUID());
        const person = randomUUID();
        for (const courseId of [courses[0], courses[600], courses[1_202]]) {
          await stores.messages.add(message({ courseId: courseId ?? '', fromUserId: person }), []);
        }

        expect(await stores.messages.forgetCourses(courses)).toBe(3);
        expect(await stores.messages.involving(person)).toEqual([]);
      });

      it('drops the notices of sendings pending since before a day, each once, and keeps the messages', async () => {
        const noticeOf = (m: Message, now: Date) =>
          createEvent(
            feedbackMessageSent,
            { messageId: m.id, courseId: m.courseId, recipientId: m.toUserId },
            { source: 'feedback', correlationId: randomUUID(), now },
          );
        const [old, recent] = [message({}), message({})];
        const recentNotice = noticeOf(recent, new Date('2026-10-01T00:00:00Z'));
        await stores.messages.add(old, [noticeOf(old, new Date('2026-09-30T23:59:59Z'))]);
        await stores.messages.add(recent, [recentNotice]);

        expect(await stores.messages.dropNoticesPendingBefore('2026-10-01')).toBe(1);

        expect(await pendingEventIds(stores.messageOutbox)).toEqual([recentNotice.envelope.id]);
        expect(await stores.messages.dropNoticesPendingBefore('2026-10-01')).toBe(0);
        expect(await stores.messages.involving(old.toUserId)).toContainEqual(old);
      });

      it('forgets, for erasure, every message to or from a person with its pending notice, and keeps the others', async () => {
        const person = randomUUID();
        const noticeOf = (m: Message) =>
          createEvent(
            feedbackMessageSent,
            { messageId: m.id, courseId: m.courseId, recipientId: m.toUserId },
            { source: 'feedback', correlationId: randomUUID(), now: new Date('2026-11-02T10:00:00Z') },
          );
        const [sent, received, betweenOthers] = [
          message({ fromUserId: person }),
          message({ toUserId: person }),
          message({}),
        ];
        const othersNotice = noticeOf(betweenOthers);
        await stores.messages.add(sent, [noticeOf(sent)]);
        await stores.messages.add(received, [noticeOf(received)]);
        await stores.messages.add(betweenOthers, [othersNotice]);

        expect(await stores.messages.forgetPerson(person)).toBe(2);

        expect(await stores.messages.heldAbout(person)).toEqual([]);
        expect(await stores.messages.involving(betweenOthers.fromUserId)).toEqual([betweenOthers]);
        // The notice of his received message (his id as its recipient) went with it.
        expect(await pendingEventIds(stores.messageOutbox)).toEqual([othersNotice.envelope.id]);
        expect(await stores.messages.forgetPerson(person)).toBe(0);
        expect(await stores.messages.forgetPerson(randomUUID())).toBe(0);
      });
    });
  });
}
