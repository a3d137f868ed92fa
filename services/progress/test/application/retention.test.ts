import { randomUUID } from 'node:crypto';
import { retentionRuleOf, type PersonalDataKind } from '@relais/platform';
import { InMemoryRosterStore, withCourse, withParticipant, type CourseSnapshot } from '@relais/roster';
import type { RetentionLog } from '../../src/application/ports';
import { RetentionUseCases } from '../../src/application/retention';
import { retentionJob, retentionJobName } from '../../src/application/retention-job';
import {
  completionMarksPersonalData,
  createProgressService,
  InMemoryActivityStore,
  InMemoryCompletionMarkStore,
} from '../../src/index';
import { ActivityMother } from '../mothers/activity-mother';

// Marks are kept 12 months after the course closed (progressMarks): on 15 March 2027, a course
// closed on 15 March 2026 is still within its retention, one closed on the 14th is past it.
const today = '2027-03-15';
const firstDayKept = '2026-03-15';
const lastDayPast = '2026-03-14';

const snapshot = (courseId: string, status: 'open' | 'closed'): CourseSnapshot => ({
  courseId,
  academy: 'lyon',
  title: 'Lire au cycle 2',
  status,
  trainers: [{ userId: 'trainer-1', name: 'Alice Martin' }],
});

describe('progress retention (ADR 0032)', () => {
  let rosters: InMemoryRosterStore;
  let activities: InMemoryActivityStore;
  let marks: InMemoryCompletionMarkStore;
  let retention: RetentionUseCases;
  beforeEach(() => {
    rosters = new InMemoryRosterStore();
    activities = new InMemoryActivityStore();
    marks = new InMemoryCompletionMarkStore();
    retention = new RetentionUseCases(rosters, marks);
  });

  /** A course with two participants who each marked two activities, closed on `closedOn` if given. */
  const courseWithMarks = async (closedOn?: string) => {
    const courseId = randomUUID();
    await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'open'), '2025-09-01'));
    for (const userId of ['teacher-1', 'teacher-2']) {
      await rosters.apply(courseId, randomUUID(), withParticipant({ userId, name: userId }));
      for (const activityId of ['a', 'b']) await marks.add({ courseId, userId, activityId });
    }
    await activities.replace(courseId, [ActivityMother.required('a'), ActivityMother.required('b')]);
    if (closedOn)
      await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'closed'), closedOn));
    return courseId;
  };

  it('deletes the marks of a course closed the day before the cutoff, keeps those of a course closed on it', async () => {
    const past = await courseWithMarks(lastDayPast);
    const kept = await courseWithMarks(firstDayKept);

    expect(await retention.purgeExpired(today)).toEqual({ coursesPastRetention: 1, completionMarks: 4 });

    expect(await marks.marksOf(past)).toEqual([]);
    expect(await marks.marksOf(kept)).toHaveLength(4);
  });

  it('never purges the marks of a course still open, however late the day', async () => {
    const open = await courseWithMarks();
    const closed = await courseWithMarks('2027-03-01');

    expect(await retention.purgeExpired('2099-12-31')).toEqual({
      coursesPastRetention: 1,
      completionMarks: 4,
    });

    expect(await marks.marksOf(open)).toHaveLength(4);
    expect(await marks.marksOf(closed)).toEqual([]);
  });

  it('leaves the activity lists and the roster replica of a purged course in place', async () => {
    const past = await courseWithMarks(lastDayPast);
    const rosterBefore = await rosters.get(past);

    await retention.purgeExpired(today);

    expect(await activities.activitiesOf(past)).toEqual([
      ActivityMother.required('a'),
      ActivityMother.required('b'),
    ]);
    expect(await rosters.get(past)).toEqual(rosterBefore);
  });

  it('purges nothing more on a second pass, nor when two replicas pass at once', async () => {
    const past = await courseWithMarks(lastDayPast);
    const alsoPast = await courseWithMarks('2025-12-31');

    const [first, second] = await Promise.all([retention.purgeExpired(today), retention.purgeExpired(today)]);
    expect(first.completionMarks + second.completionMarks).toBe(8);
    expect(await retention.purgeExpired(today)).toEqual({ coursesPastRetention: 2, completionMarks: 0 });
    expect([...(await marks.marksOf(past)), ...(await marks.marksOf(alsoPast))]).toEqual([]);
  });

  it('moves the cutoff by calendar months: on 31 March, what closed before 31 March a year ago', async () => {
    const past = await courseWithMarks('2026-03-30');
    const kept = await courseWithMarks('2026-03-31');

    await retention.purgeExpired('2027-03-31');

    expect(await marks.marksOf(past)).toEqual([]);
    expect(await marks.marksOf(kept)).toHaveLength(4);
  });

  it('reads the marks’ rule from the declaration “Mes données” shows', () => {
    expect(retentionRuleOf(completionMarksPersonalData)).toBe('progressMarks');
  });

  it('refuses a kind whose fields disagree on their rule, since a record is deleted whole', () => {
    const disagreeing: PersonalDataKind = {
      kind: 'mixed',
      label: 'Mixed',
      fields: {
        kept: { label: 'K', purpose: 'P', legalBasis: 'publicTask', retention: 'progressMarks' },
        longer: { label: 'L', purpose: 'P', legalBasis: 'publicTask', retention: 'namedFeedback' },
      },
    };
    expect(() => retentionRuleOf(disagreeing)).toThrow(/one retention rule.*progressMarks, namedFeedback/);
    expect(() => retentionRuleOf({ ...disagreeing, fields: {} })).toThrow(/declare none/);
  });
});

describe('the retention job', () => {
  const recordingLog = () => {
    const lines: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }[] = [];
    const log: RetentionLog = {
      info: (fields, message) => lines.push({ level: 'info', fields, message }),
      warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    };
    return { lines, log };
  };

  it('purges on the day of its injected clock, and logs one line of counts', async () => {
    const rosters = new InMemoryRosterStore();
    const marks = new InMemoryCompletionMarkStore();
    const courseId = randomUUID();
    await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'closed'), lastDayPast));
    await marks.add({ courseId, userId: 'teacher-1', activityId: 'a' });
    let now = new Date('2027-03-14T23:59:59Z');
    const { lines, log } = recordingLog();
    const job = retentionJob(new RetentionUseCases(rosters, marks), { clock: () => now, intervalMs: 1, log });

    await job.runOnce();
    expect(await marks.marksOf(courseId)).toHaveLength(1);
    now = new Date('2027-03-15T00:00:00Z');
    await job.runOnce();

    expect(await marks.marksOf(courseId)).toEqual([]);
    expect(job.name).toBe(retentionJobName);
    expect(lines).toEqual([
      {
        level: 'info',
        fields: { day: '2027-03-14', purged: { coursesPastRetention: 0, completionMarks: 0 } },
        message: 'retention pass',
      },
      {
        level: 'info',
        fields: { day: '2027-03-15', purged: { coursesPastRetention: 1, completionMarks: 1 } },
        message: 'retention pass',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(courseId);
  });

  it('warns with the error’s name only when a pass fails, and the next pass runs', async () => {
    const rosters = new InMemoryRosterStore();
    const marks = new InMemoryCompletionMarkStore();
    let failing = true;
    const forget = marks.forgetCourses.bind(marks);
    marks.forgetCourses = async (courseIds) => {
      if (!failing) return forget(courseIds);
      const error = new Error(`delete of course-secret-id for teacher@example.org refused`);
      error.name = 'MongoServerSelectionError';
      throw error;
    };
    const { lines, log } = recordingLog();
    const job = retentionJob(new RetentionUseCases(rosters, marks), {
      clock: () => new Date('2027-03-15T08:00:00Z'),
      intervalMs: 1,
      log,
    });

    await job.runOnce();
    failing = false;
    await job.runOnce();

    expect(lines).toEqual([
      { level: 'warn', fields: { reason: 'MongoServerSelectionError' }, message: 'a retention pass failed' },
      {
        level: 'info',
        fields: { day: '2027-03-15', purged: { coursesPastRetention: 0, completionMarks: 0 } },
        message: 'retention pass',
      },
    ]);
  });

  it('is one of the background jobs of the progress module, and its pass follows the module’s clock', async () => {
    const rosters = new InMemoryRosterStore();
    const marks = new InMemoryCompletionMarkStore();
    const courseId = randomUUID();
    await rosters.apply(courseId, randomUUID(), withCourse(snapshot(courseId, 'closed'), lastDayPast));
    await marks.add({ courseId, userId: 'teacher-1', activityId: 'a' });
    const { lines, log } = recordingLog();
    const module = createProgressService({
      rosters,
      activities: new InMemoryActivityStore(),
      marks,
      verifier: { verify: () => Promise.reject(new Error('no request in this test')) },
      clock: () => new Date(`${today}T12:00:00Z`),
      log,
    });

    expect(module.background?.map((job) => job.name)).toEqual([retentionJobName]);
    await module.runRetentionOnce();

    expect(await marks.marksOf(courseId)).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
