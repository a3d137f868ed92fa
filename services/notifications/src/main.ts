import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { createNotificationsService } from './compose';
import { notificationsConfigSchema } from './config';
import { mongoAdapters } from './mongo';

const own = loadConfig(notificationsConfigSchema);

await runProductionService('notifications', (infrastructure) =>
  createNotificationsService(mongoAdapters(infrastructure, own)),
);
