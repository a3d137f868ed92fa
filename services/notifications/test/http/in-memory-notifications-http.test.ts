import { randomBytes } from 'node:crypto';
import { InMemoryRosterStore } from '@relais/roster';
import { createNotificationsService } from '../../src/compose';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { describeNotificationsOverHttp } from './notifications-http-scenarios';

describeNotificationsOverHttp('in-memory', async () => ({
  build: (options) =>
    createNotificationsService({
      ...options,
      rosters: new InMemoryRosterStore(),
      store: new InMemoryNotificationStore(),
      unsubscribeKey: randomBytes(32).toString('base64url'),
      workerIntervalMs: 3_600_000,
    }),
}));
