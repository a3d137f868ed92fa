import { MongoOutboxStore } from '@relais/bus';
import { openTestDatabase } from '@relais/store/testing';
import { ensureIndexes } from '@relais/store';
import { courseRevisionModel, dropFormerCourseProjection } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from '../../src/infrastructure/mongo/mongo-participation-counter';
import { describeEnrollmentStoresContract } from './course-repository-contract';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';
import { anEvent } from '../mothers/event-mother';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('enrollment');
  courseRevisionModel(database.connection);
  countedCellModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeEnrollmentStoresContract('mongoose', async () => ({
  courses: new MongoCourseRepository(courseRevisionModel(database.connection)),
  counter: new MongoParticipationCounter(countedCellModel(database.connection)),
  outbox: new MongoOutboxStore(courseRevisionModel(database.connection)),
}));

describe('course revisions on the real database', () => {
  it('keeps no superseded revision, so a withdrawn teacher leaves no trace, and loses no pending event', async () => {
    const revisions = courseRevisionModel(database.connection);
    const courses = new MongoCourseRepository(revisions);
    const participant = ParticipantMother.enrolled({ name: 'Withdrawn Teacher' });
    const course = CourseMother.open();
    const event = (name: string) => ({ ...anEvent(), key: name });
    await courses.insert({ ...course, participants: [participant] }, [event('enrolled')]);
    const read = (await courses.findById(course.id))!;
    expect(await courses.replace(read, course, [event('withdrawn')])).toBe(true);

    const stored = await revisions.find({ courseId: course.id }).lean().exec();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('Withdrawn Teacher');
    expect(stored[0]?.outbox.map((pending) => pending.key)).toEqual(['enrolled', 'withdrawn']);
  });
});

describe('a save interrupted between its insert and its delete (erasure, ADR 0033)', () => {
  it('leaves a superseded revision naming him, which erasure finds and drops, keeping the latest and its events', async () => {
    const revisions = courseRevisionModel(database.connection);
    const courses = new MongoCourseRepository(revisions);
    const participant = ParticipantMother.enrolled({ name: 'Interrupted Teacher' });
    const course = CourseMother.open();
    const pending = anEvent();
    await courses.insert({ ...course, participants: [participant] }, [pending]);
    const superseded = await revisions.findOne({ courseId: course.id }).lean().exec();
    expect(await courses.replace((await courses.findById(course.id))!, course, [])).toBe(true);
    // The crash: the older record is still there, as if the save had stopped before deleting it.
    await revisions.create(superseded!);

    expect(await courses.coursesWithRevisionsNaming(participant.userId)).toEqual([course.id]);
    expect(await courses.find({ personId: participant.userId })).toEqual([]);
    expect(await courses.dropSupersededRevisions(course.id)).toBe(1);

    const stored = await revisions.find({ courseId: course.id }).lean().exec();
    expect(stored.map((record) => record.revision)).toEqual([2]);
    expect(JSON.stringify(stored)).not.toContain('Interrupted Teacher');
    expect(stored[0]?.outbox.map((event) => event.envelope.id)).toEqual([pending.envelope.id]);
    expect(await courses.coursesWithRevisionsNaming(participant.userId)).toEqual([]);
    expect(await courses.dropSupersededRevisions(course.id)).toBe(0);
  });
});

describe('courses saved before withdrawal after completion existed', () => {
  it('read back with no former participant', async () => {
    const revisions = courseRevisionModel(database.connection);
    const courses = new MongoCourseRepository(revisions);
    const course = CourseMother.open();
    await courses.insert(course, []);
    await revisions.collection.updateOne({ courseId: course.id }, { $unset: { formerParticipants: '' } });
    expect((await courses.findById(course.id))?.course).toEqual(course);
  });
});

describe('the former query projection', () => {
  it('is dropped with the names it held, and dropping it again is harmless', async () => {
    const { connection } = database;
    await connection.collection('courses').insertOne({ participants: [{ name: 'Withdrawn Teacher' }] });
    await dropFormerCourseProjection(connection);
    const names = (await connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).not.toContain('courses');
    await expect(dropFormerCourseProjection(connection)).resolves.toBeUndefined();
    expect(names).toContain('course_revisions');
  });
});
