import { z } from 'zod';
import { MongoOutboxStore } from '@relais/bus';
import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { createEnrollmentService } from './compose';
import { courseRevisionModel, dropFormerCourseProjection } from './infrastructure/mongo/course-model';
import { MongoCourseRepository } from './infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from './infrastructure/mongo/mongo-participation-counter';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';

const own = loadConfig(
  z.object({
    RELAIS_COUNTING_KEY: z
      .string()
      .min(32, 'at least 32 characters')
      .describe('secret key of the tokens that count distinct teachers (kept outside the database)'),
    TRAINER_DIRECTORY_REALM_FILE: z
      .string()
      .min(1)
      .describe('the realm file listing trainers, e.g. deploy/keycloak/realm-relais.json'),
  }),
);

await runProductionService('enrollment', 8081, async ({ connection, verifier }) => {
  await dropFormerCourseProjection(connection);
  const revisions = courseRevisionModel(connection);
  return createEnrollmentService({
    courses: new MongoCourseRepository(revisions),
    // The outbox is in the revisions: each holds the events of its save until the relay publishes them.
    outbox: new MongoOutboxStore(revisions),
    trainers: new RealmFileTrainerDirectory(own.TRAINER_DIRECTORY_REALM_FILE),
    counter: new MongoParticipationCounter(countedCellModel(connection)),
    verifier,
    countingKey: own.RELAIS_COUNTING_KEY,
  });
});
