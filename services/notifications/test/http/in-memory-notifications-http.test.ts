import { randomBytes } from 'node:crypto';
import { InMemoryRosterStore } from '@relais/roster';
import { InMemoryDocuments } from '@relais/store';
import { createNotificationsService } from '../../src/compose';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { describeNotificationsOverHttp } from './notifications-http-scenarios';

/**
 * Every collection an in-memory adapter holds, private ones too, with its keys (some are person ids):
 * found by type, so that a collection added later is searched as well.
 */
function everyDocumentOf(adapter: object): unknown[] {
  return Object.values(adapter)
    .filter((field): field is InMemoryDocuments<unknown> => field instanceof InMemoryDocuments)
    .flatMap((collection) => [...collection.documents.entries()]);
}

describeNotificationsOverHttp('in-memory', async () => {
  const rosters = new InMemoryRosterStore();
  const store = new InMemoryNotificationStore();
  return {
    build: (options) =>
      createNotificationsService({
        ...options,
        rosters,
        store,
        unsubscribeKey: randomBytes(32).toString('base64url'),
        workerIntervalMs: 3_600_000,
      }),
    storedDocuments: async () => [store, rosters].flatMap(everyDocumentOf),
  };
});
