import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { ErasureUseCases } from '../../src/application/erasure';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from '../../src/infrastructure/mongo/mongo-participation-counter';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';
import { describeErasureScenario } from './erasure-scenario';
import {
  erasureRequestModel,
  MongoErasureRequestStore,
} from '../../src/infrastructure/mongo/mongo-erasure-requests';

async function openStores() {
  const database = await openTestDatabase('enrollment-erasure');
  const revisions = courseRevisionModel(database.connection);
  const counted = countedCellModel(database.connection);
  await ensureIndexes(database.connection);
  return { database, revisions, counted };
}

// A database per test, so that "every stored document" is this test's documents.
describeErasureScenario('mongoose', async () => {
  const { database, revisions, counted } = await openStores();
  return {
    courses: new MongoCourseRepository(revisions),
    counter: new MongoParticipationCounter(counted),
    erasureRequests: new MongoErasureRequestStore(erasureRequestModel(database.connection)),
    // Every document of every collection of the database, the outbox leases included.
    storedText: async () => {
      const db = database.connection.db!;
      const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map(({ name }) => name);
      const documents = await Promise.all(
        names.sort().map(async (name) => [name, await db.collection(name).find({}).toArray()]),
      );
      return JSON.stringify(documents);
    },
    close: () => database.drop(),
  };
});

describe('erasure after a save that stopped before deleting the revision it superseded', () => {
  it('drops the old revision that still names him, though the course itself no longer does', async () => {
    const { database, revisions } = await openStores();
    try {
      const courses = new MongoCourseRepository(revisions);
      const him = ParticipantMother.enrolled({ name: 'Dominique Effacé-Roy', school: '0690099Z' });
      const course = CourseMother.open({ participants: [ParticipantMother.enrolled()] });
      await courses.insert({ ...course, participants: [...course.participants, him] }, []);
      const superseded = await revisions.findOne({ courseId: course.id }).lean().exec();
      await courses.replace((await courses.findById(course.id))!, course, []);
      await revisions.create(superseded!);

      const counts = await new ErasureUseCases(
        courses,
        new MongoErasureRequestStore(erasureRequestModel(database.connection)),
      ).forgetPerson(him.userId);

      expect(counts).toMatchObject({ coursesChanged: 0, enrollments: 0, supersededRevisionsDropped: 1 });
      const stored = JSON.stringify(await revisions.find({}).lean().exec());
      for (const value of [him.userId, him.name, him.school!]) expect(stored).not.toContain(value);
      expect((await courses.findById(course.id))?.course).toEqual(course);
      expect(
        (
          await new ErasureUseCases(
            courses,
            new MongoErasureRequestStore(erasureRequestModel(database.connection)),
          ).forgetPerson(him.userId)
        ).supersededRevisionsDropped,
      ).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
