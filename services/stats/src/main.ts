import { runProductionService } from '@relais/host';
import { createStatsService } from './compose';
import { mongoAdapters } from './mongo';
import { loadStatsConfig } from './stats-config';

const own = loadStatsConfig();

await runProductionService('stats', (infrastructure) =>
  createStatsService(mongoAdapters(infrastructure, own)),
);
