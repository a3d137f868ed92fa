import { randomUUID } from 'node:crypto';
import { contributionCounted, createEvent, feedbackItemPosted, type PendingEvent } from '@relais/contracts';
import type { PersonalDataKind } from '@relais/platform';
import {
  InMemoryRosterStore,
  withCourse,
  withoutParticipant,
  withParticipant,
  type CourseSnapshot,
} from '@relais/roster';
import { KeyedTokens } from '../../src/application/keyed-tokens';
import type { RetentionLog } from '../../src/application/ports';
import {
  feedbackRetentionRules,
  recordRetentionOf,
  RetentionUseCases,
} from '../../src/application/retention';
import { retentionJob, retentionJobName } from '../../src/application/retention-job';
import { createFeedbackService } from '../../src/compose';
import type { Message } from '../../src/domain/message';
import { InMemoryAuthorshipIndex } from '../../src/infrastructure/memory/in-memory-authorship-index';
import { InMemoryDailyQuota } from '../../src/infrastructure/memory/in-memory-daily-quota';
import { inMemoryFeedbackItemStores } from '../../src/infrastructure/memory/in-memory-feedback-item-store';
import { inMemoryMessageStores } from '../../src/infrastructure/memory/in-memory-message-store';
import { InMemoryRespondentCounter } from '../../src/infrastructure/memory/in-memory-respondent-counter';
import { FeedbackItemMother, ReplyMother } from '../mothers/feedback-item-mother';

// On 15 November 2028: items are kept 24 months after their course closed (namedFeedback), so a
// course closed on 15 November 2026 still has them and one closed on the 14th does not; messages are
// kept 12 months (directMessages): closed on 15 November 2027 kept, on the 14th not.
const today = '2028-11-15';
const feedbackCutoff = '2026-11-15';
const messagesCutoff = '2027-11-15';
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const authorKey = 'a-feedback-author-key-of-32-characters-for-retention';
const [trainer, author, colleague] = ['trainer-1', 'teacher-1', 'teacher-2'];

const snapshot = (courseId: string, status: 'open' | 'closed'): CourseSnapshot => ({
  courseId,
  academy: 'lyon',
  title: 'Lire au cycle 2',
  status,
  trainers: [{ userId: trainer, name: 'Alice Martin' }],
});

const message = (courseId: string, overrides: Partial<Message> = {}): Message => ({
  id: randomUUID(),
  courseId,
  fromUserId: author,
  fromName: 'Camille Durand',
  toUserId: trainer,
  toName: 'Alice Martin',
  text: 'Pouvons-nous en parler ?',
  sentOn: '2026-03-02',
  ...overrides,
});

describe('feedback retention (ADR 0032)', () => {
  const tokens = new KeyedTokens(authorKey);
  let rosters: InMemoryRosterStore;
  let stores: ReturnType<typeof inMemoryFeedbackItemStores>;
  let authorship: InMemoryAuthorshipIndex;
  let messageStores: ReturnType<typeof inMemoryMessageStores>;
  let quota: InMemoryDailyQuota;
  let respondents: InMemoryRespondentCounter;
  let retention: RetentionUseCases;
  beforeEach(() => {
    rosters = new InMemoryRosterStore();
    stores = inMemoryFeedbackItemStores();
    authorship = new InMemoryAuthorshipIndex();
    messageStores = inMemoryMessageStores();
    quota = new InMemoryDailyQuota();
    respondents = new InMemoryRespondentCounter();
    retention = new RetentionUseCases(
      rosters,
      stores.items,
      authorship,
      messageStores.messages,
      quota,
      tokens,
    );
  });

  /**
   * A course where the author wrote a signed and an anonymous item, both answered by the trainer,
   * and sent the trainer a message; closed on `closedOn` if given.
   */
  const courseWithEverything = async (closedOn?: string) => {
    const courseId = randomUUID();
    await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'open'), '2026-01-05'));
    for (const userId of [author, colleague]) {
      await rosters.apply(courseId, randomUUID(), withParticipant({ userId, name: userId }));
    }
    const replies = [ReplyMother.byTrainer()];
    for (const item of [
      FeedbackItemMother.named({ courseId, replies }),
      FeedbackItemMother.anonymous({ courseId, replies }),
    ]) {
      await stores.items.insert({ ...item, authorToken: tokens.authorOf(author, courseId, item.id) }, []);
    }
    await authorship.record(tokens.authorIn(author, courseId));
    await messageStores.messages.add(message(courseId), []);
    if (closedOn) await close(courseId, closedOn);
    return courseId;
  };
  const close = (courseId: string, day: string) =>
    rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'closed'), day));
  const wroteIn = async (userId: string, courseId: string) =>
    (await authorship.recorded([tokens.authorIn(userId, courseId)])).size === 1;
  const messagesIn = async (courseId: string) =>
    (await messageStores.messages.involving(author)).filter((m) => m.courseId === courseId);

  it('deletes the items of a course closed the day before the cutoff, both kinds with their replies, and keeps those of a course closed on it', async () => {
    const past = await courseWithEverything(dayBefore(feedbackCutoff));
    const kept = await courseWithEverything(feedbackCutoff);

    const pass = await retention.purgeExpired(today);

    expect(pass).toMatchObject({
      coursesPastFeedbackRetention: 1,
      namedFeedbackItems: 1,
      anonymousFeedbackItems: 1,
    });
    expect(await stores.items.inCourse(past)).toEqual([]);
    expect((await stores.items.inCourse(kept)).map((item) => item.visibility).sort()).toEqual([
      'anonymous',
      'named',
    ]);
    // "The courses where you wrote" stops naming the purged course in the same pass.
    expect(await wroteIn(author, past)).toBe(false);
    expect(await wroteIn(author, kept)).toBe(true);
  });

  it('deletes the messages of a course closed the day before their cutoff, and keeps those of a course closed on it', async () => {
    const past = await courseWithEverything(dayBefore(messagesCutoff));
    const kept = await courseWithEverything(messagesCutoff);

    const pass = await retention.purgeExpired(today);

    expect(pass).toMatchObject({
      coursesPastFeedbackRetention: 0,
      namedFeedbackItems: 0,
      anonymousFeedbackItems: 0,
      coursesPastMessageRetention: 1,
      messages: 1,
    });
    expect(await messagesIn(past)).toEqual([]);
    expect(await messagesIn(kept)).toHaveLength(1);
    // Within their own 24 months, the items of the course whose messages went are all there.
    expect(await stores.items.inCourse(past)).toHaveLength(2);
  });

  it('never purges a course still open, however late the day', async () => {
    const open = await courseWithEverything();

    expect(await retention.purgeExpired('2099-12-31')).toMatchObject({
      coursesPastFeedbackRetention: 0,
      coursesPastMessageRetention: 0,
      messages: 0,
    });

    expect(await stores.items.inCourse(open)).toHaveLength(2);
    expect(await messagesIn(open)).toHaveLength(1);
    expect(await wroteIn(author, open)).toBe(true);
  });

  it('counts from the first pass that sees it a course its replica knew closed before closing days were recorded', async () => {
    const undated = await courseWithEverything();
    // A replica written before `closedOn` existed: closed, with no day.
    await rosters.apply(undated, randomUUID(), (roster) => ({ ...roster, status: 'closed' }));

    await retention.purgeExpired(today);
    expect((await rosters.get(undated))?.closedOn).toBe(today);
    expect(await stores.items.inCourse(undated)).toHaveLength(2);

    // Two years on from that first pass, its items go.
    await retention.purgeExpired('2030-11-16');
    expect(await stores.items.inCourse(undated)).toEqual([]);
  });

  it('forgets the authorship tokens of the members of a purged course, but cannot recompute one of a member who left', async () => {
    const past = await courseWithEverything();
    await authorship.record(tokens.authorIn(colleague, past));
    const leaver = 'teacher-who-left';
    await rosters.apply(past, randomUUID(), withParticipant({ userId: leaver, name: leaver }));
    await authorship.record(tokens.authorIn(leaver, past));
    await rosters.apply(past, randomUUID(), withoutParticipant(leaver));
    await close(past, dayBefore(feedbackCutoff));

    await retention.purgeExpired(today);

    expect(await wroteIn(author, past)).toBe(false);
    expect(await wroteIn(colleague, past)).toBe(false);
    // Nothing names him in the course any more: his token stays, and with no item left in the
    // course no request can find it (a request recomputes tokens only for courses holding items).
    expect(await wroteIn(leaver, past)).toBe(true);
    expect(await stores.items.coursesWithItems()).not.toContain(past);
  });

  it('forgets the tokens of a course past its cutoff whose items were all withdrawn, when it closed within the month before the cutoff', async () => {
    const withdrawnAll = await courseWithEverything(dayBefore(feedbackCutoff));
    for (const item of await stores.items.inCourse(withdrawnAll)) {
      await stores.items.remove((await stores.items.findById(item.id))!);
    }

    await retention.purgeExpired(today);

    expect(await wroteIn(author, withdrawnAll)).toBe(false);
  });

  it('deletes the daily quota slots of days before today, and keeps today’s', async () => {
    // A key's first write of a day drops the days before it: yesterday's slots are written after.
    await quota.take('today-key', '2028-11-15', 5);
    await quota.take('yesterday-key', '2028-11-14', 5);
    await quota.take('yesterday-key', '2028-11-14', 5);
    await quota.take('another-yesterday-key', '2028-11-14', 5);

    expect(await retention.purgeExpired(today)).toMatchObject({ dailyQuotaSlots: 3 });

    expect(await quota.daysHeld()).toEqual(['2028-11-15']);
  });

  it('drops the notices pending for more than a month, keeps facts and later notices, and leaves the items', async () => {
    const open = await courseWithEverything();
    const [item] = await stores.items.inCourse(open);
    const at = (now: string): { source: string; correlationId: string; now: Date } => ({
      source: 'feedback',
      correlationId: randomUUID(),
      now: new Date(now),
    });
    const noticeAt = (now: string): PendingEvent =>
      createEvent(feedbackItemPosted, { courseId: open, itemId: item!.id, anonymous: false }, at(now));
    const stale = noticeAt('2028-10-14T23:00:00Z');
    const recent = noticeAt('2028-10-15T07:00:00Z');
    const oldFact = createEvent(contributionCounted, contributionCounted.example, at('2028-01-10T09:00:00Z'));
    const read = (await stores.items.findById(item!.id))!;
    await stores.items.replace(read, { ...read.item, status: 'addressed' }, [stale, recent, oldFact]);

    expect(await retention.purgeExpired(today)).toMatchObject({ pendingNotices: 1 });

    const pending = await stores.items.pendingEventsOf([item!.id]);
    expect(
      pending
        .get(item!.id)
        ?.map(({ type }) => type)
        .sort(),
    ).toEqual([contributionCounted.type, feedbackItemPosted.type].sort());
    expect((await stores.items.findById(item!.id))?.item.status).toBe('addressed');
  });

  it('leaves the roster replica and the respondents counted for stats untouched', async () => {
    const past = await courseWithEverything(dayBefore(feedbackCutoff));
    const rosterBefore = await rosters.get(past);
    const counted = tokens.respondentIn(author, '2026-03', 'total', []);
    await respondents.markCounted([counted]);

    await retention.purgeExpired(today);

    expect(await rosters.get(past)).toEqual(rosterBefore);
    expect(await respondents.alreadyCounted([counted])).toEqual(new Set([counted]));
  });

  it('purges nothing more on a second pass, nor when two replicas pass at once', async () => {
    const past = await courseWithEverything(dayBefore(messagesCutoff));
    const alsoPast = await courseWithEverything('2025-06-30');

    const [first, second] = await Promise.all([retention.purgeExpired(today), retention.purgeExpired(today)]);
    expect(first.messages + second.messages).toBe(2);
    expect(first.namedFeedbackItems + second.namedFeedbackItems).toBe(1);
    expect(first.anonymousFeedbackItems + second.anonymousFeedbackItems).toBe(1);

    expect(await retention.purgeExpired(today)).toEqual({
      coursesPastFeedbackRetention: 1,
      namedFeedbackItems: 0,
      anonymousFeedbackItems: 0,
      coursesPastMessageRetention: 2,
      messages: 0,
      pendingNotices: 0,
      dailyQuotaSlots: 0,
    });
    expect([...(await messagesIn(past)), ...(await messagesIn(alsoPast))]).toEqual([]);
    expect(await stores.items.inCourse(past)).toHaveLength(2);
  });

  it('moves the cutoffs by calendar months: on 29 February, what closed before 28 February two years ago', async () => {
    const past = await courseWithEverything('2026-02-27');
    const kept = await courseWithEverything('2026-02-28');

    await retention.purgeExpired('2028-02-29');

    expect(await stores.items.inCourse(past)).toEqual([]);
    expect(await stores.items.inCourse(kept)).toHaveLength(2);
  });

  it('reads every rule from the declaration “Mes données” shows', () => {
    expect(feedbackRetentionRules()).toEqual({
      namedItems: 'namedFeedback',
      anonymousItems: 'namedFeedback',
      authorship: 'namedFeedback',
      messages: 'directMessages',
      pendingNotices: 'pendingDelivery',
      dailyQuota: 'dailyQuota',
    });
  });

  it('refuses a kind whose fields disagree on their rule, since a record is deleted whole, its pending events apart', () => {
    const field = (retention: 'namedFeedback' | 'directMessages' | 'pendingDelivery') => ({
      label: 'L',
      purpose: 'P',
      legalBasis: 'publicTask' as const,
      retention,
    });
    const disagreeing: PersonalDataKind = {
      kind: 'mixed',
      label: 'Mixed',
      fields: { kept: field('namedFeedback'), shorter: field('directMessages') },
    };
    expect(() => recordRetentionOf(disagreeing)).toThrow(/one retention rule.*namedFeedback, directMessages/);
    expect(() => recordRetentionOf({ ...disagreeing, fields: {} })).toThrow(/declare none/);
    expect(
      recordRetentionOf({
        ...disagreeing,
        fields: { kept: field('namedFeedback'), pendingEvents: field('pendingDelivery') },
      }),
    ).toBe('namedFeedback');
  });
});

describe('the feedback retention job', () => {
  const recordingLog = () => {
    const lines: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }[] = [];
    const log: RetentionLog = {
      info: (fields, message) => lines.push({ level: 'info', fields, message }),
      warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    };
    return { lines, log };
  };
  const nothingPurged = {
    coursesPastFeedbackRetention: 0,
    namedFeedbackItems: 0,
    anonymousFeedbackItems: 0,
    coursesPastMessageRetention: 0,
    messages: 0,
    pendingNotices: 0,
    dailyQuotaSlots: 0,
  };

  const portsWithAClosedCourse = async () => {
    const rosters = new InMemoryRosterStore();
    const { items, outbox } = inMemoryFeedbackItemStores();
    const courseId = randomUUID();
    await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'closed'), '2026-11-14'));
    const item = FeedbackItemMother.named({ courseId, authorName: 'Camille Durand' });
    await items.insert(item, []);
    return {
      courseId,
      item,
      ports: {
        rosters,
        items,
        outbox,
        authorship: new InMemoryAuthorshipIndex(),
        respondents: new InMemoryRespondentCounter(),
        quota: new InMemoryDailyQuota(),
        ...inMemoryMessageStores(),
        verifier: { verify: () => Promise.reject(new Error('no request in this test')) },
        authorKey,
      },
    };
  };

  it('purges on the day of its injected clock, and logs one line of counts that names nothing', async () => {
    const { courseId, item, ports } = await portsWithAClosedCourse();
    let now = new Date('2028-11-14T23:59:59Z');
    const { lines, log } = recordingLog();
    const retention = new RetentionUseCases(
      ports.rosters,
      ports.items,
      ports.authorship,
      ports.messages,
      ports.quota,
      new KeyedTokens(authorKey),
    );
    const job = retentionJob(retention, { clock: () => now, intervalMs: 1, log });

    await job.runOnce();
    expect(await ports.items.inCourse(courseId)).toHaveLength(1);
    now = new Date('2028-11-15T00:00:00Z');
    await job.runOnce();

    expect(await ports.items.inCourse(courseId)).toEqual([]);
    expect(job.name).toBe(retentionJobName);
    expect(lines).toEqual([
      {
        level: 'info',
        // On the 14th the course is past its messages' 12 months (it has none), not its items' 24.
        fields: { day: '2028-11-14', purged: { ...nothingPurged, coursesPastMessageRetention: 1 } },
        message: 'retention pass',
      },
      {
        level: 'info',
        fields: {
          day: '2028-11-15',
          purged: {
            ...nothingPurged,
            coursesPastFeedbackRetention: 1,
            coursesPastMessageRetention: 1,
            namedFeedbackItems: 1,
          },
        },
        message: 'retention pass',
      },
    ]);
    const logged = JSON.stringify(lines);
    for (const secret of [courseId, item.id, item.authorName ?? '', item.message]) {
      expect(logged).not.toContain(secret);
    }
  });

  it('warns with the error’s name only when a pass fails, and the next pass runs', async () => {
    const { ports } = await portsWithAClosedCourse();
    let failing = true;
    const forget = ports.items.forgetCourses.bind(ports.items);
    ports.items.forgetCourses = async (courseIds, visibility) => {
      if (!failing) return forget(courseIds, visibility);
      const error = new Error('delete of course-secret-id for teacher@example.org refused');
      error.name = 'MongoServerSelectionError';
      throw error;
    };
    const { lines, log } = recordingLog();
    const module = createFeedbackService({
      ...ports,
      clock: { now: () => new Date('2026-12-01T08:00:00Z') },
      log,
    });

    await module.runRetentionOnce();
    failing = false;
    await module.runRetentionOnce();

    expect(lines).toEqual([
      { level: 'warn', fields: { reason: 'MongoServerSelectionError' }, message: 'a retention pass failed' },
      { level: 'info', fields: { day: '2026-12-01', purged: nothingPurged }, message: 'retention pass' },
    ]);
  });

  it('is one of the background jobs of the feedback module, and its pass follows the module’s clock', async () => {
    const { courseId, ports } = await portsWithAClosedCourse();
    const { lines, log } = recordingLog();
    const module = createFeedbackService({
      ...ports,
      clock: { now: () => new Date(`${today}T12:00:00Z`) },
      log,
    });

    expect(module.background?.map((job) => job.name)).toEqual([retentionJobName]);
    await module.runRetentionOnce();

    expect(await ports.items.inCourse(courseId)).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
