import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { MongoCourseRepository } from '../../src/infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from '../../src/infrastructure/mongo/mongo-participation-counter';
import { RetentionUseCases } from '../../src/application/retention';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';
import { describeRetentionScenario } from './retention-scenario';

// A database per test: the purge counts everything it finds, so each test starts from nothing.
describeRetentionScenario('mongoose', async () => {
  const database = await openTestDatabase('enrollment-retention');
  const revisions = courseRevisionModel(database.connection);
  const counted = countedCellModel(database.connection);
  await ensureIndexes(database.connection);
  return {
    courses: new MongoCourseRepository(revisions),
    counter: new MongoParticipationCounter(counted),
    close: () => database.drop(),
  };
});

describe('retention after a save that stopped before deleting the revision it superseded', () => {
  it('drops the revision from before the anonymisation, which still names everyone', async () => {
    const database = await openTestDatabase('enrollment-retention');
    try {
      const revisions = courseRevisionModel(database.connection);
      await ensureIndexes(database.connection);
      const courses = new MongoCourseRepository(revisions);
      const teacher = ParticipantMother.enrolled({ name: 'Leftover Teacher', school: '0690077K' });
      const course = CourseMother.open({ status: 'closed', closedOn: '2020-12-06', participants: [teacher] });
      await courses.insert(course, []);
      const beforeAnonymisation = await revisions.findOne({ courseId: course.id }).lean().exec();
      const retention = new RetentionUseCases(courses);
      expect((await retention.purgeExpired('2026-12-07')).coursesAnonymised).toBe(1);
      // The crash: the anonymising save did not delete the revision it superseded.
      await revisions.create(beforeAnonymisation!);

      const counts = await retention.purgeExpired('2026-12-08');

      expect(counts).toMatchObject({ coursesAnonymised: 0, supersededRevisionsDropped: 1 });
      const stored = JSON.stringify(await revisions.find({}).lean().exec());
      for (const value of [teacher.userId, teacher.name, teacher.school!])
        expect(stored).not.toContain(value);
      expect((await retention.purgeExpired('2026-12-09')).supersededRevisionsDropped).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
