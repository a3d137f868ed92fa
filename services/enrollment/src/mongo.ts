import { MongoOutboxStore } from '@relais/bus';
import type { ProductionInfrastructure } from '@relais/host';
import { createLogger } from '@relais/platform';
import type { EnrollmentPorts } from './compose';
import { courseRevisionModel, dropFormerCourseProjection } from './infrastructure/mongo/course-model';
import { MongoCourseRepository } from './infrastructure/mongo/mongo-course-repository';
import {
  countedCellModel,
  MongoParticipationCounter,
} from './infrastructure/mongo/mongo-participation-counter';
import { mongoErasureRequestStores } from './infrastructure/mongo/mongo-erasure-requests';
import {
  identityEventCursorModel,
  MongoIdentityEventCursorStore,
} from './infrastructure/mongo/mongo-identity-event-cursor-store';
import { userDeletionPoller } from './infrastructure/identity/user-deletion-poller';
import { RealmFileTrainerDirectory } from './infrastructure/directory/realm-file-trainer-directory';

/** Every port of enrollment on MongoDB, in its own database: production. */
export async function mongoAdapters(
  { config, connection, verifier, personKeys }: ProductionInfrastructure,
  own: {
    RELAIS_COUNTING_KEY: string;
    TRAINER_DIRECTORY_REALM_FILE: string;
    RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: string;
    KEYCLOAK_ADMIN_URL?: string | undefined;
    RELAIS_IDENTITY_EVENTS_INTERVAL_MS?: number | undefined;
    RELAIS_PUBLIC_URL?: string | undefined;
  },
): Promise<EnrollmentPorts> {
  await dropFormerCourseProjection(connection);
  const revisions = courseRevisionModel(connection);
  const log = createLogger({ service: 'enrollment', level: config.LOG_LEVEL });
  const erasures = mongoErasureRequestStores(connection);
  return {
    erasureRequests: erasures.requests,
    erasureOutbox: erasures.outbox,
    personKeys,
    courses: new MongoCourseRepository(revisions),
    // The outbox is in the revisions: each holds the events of its save until the relay publishes them.
    outbox: new MongoOutboxStore(revisions),
    trainers: new RealmFileTrainerDirectory(own.TRAINER_DIRECTORY_REALM_FILE),
    counter: new MongoParticipationCounter(countedCellModel(connection)),
    verifier,
    countingKey: own.RELAIS_COUNTING_KEY,
    ...(own.RELAIS_PUBLIC_URL ? { publicUrl: own.RELAIS_PUBLIC_URL } : {}),
    log,
    identityDeletions: (requestErasure) =>
      userDeletionPoller({
        keycloakUrl: own.KEYCLOAK_ADMIN_URL ?? config.KEYCLOAK_URL,
        realm: config.KEYCLOAK_REALM,
        clientSecret: own.RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET,
        cursors: new MongoIdentityEventCursorStore(identityEventCursorModel(connection)),
        onUserDeleted: requestErasure,
        log,
        ...(own.RELAIS_IDENTITY_EVENTS_INTERVAL_MS === undefined
          ? {}
          : { intervalMs: own.RELAIS_IDENTITY_EVENTS_INTERVAL_MS }),
      }),
  };
}
