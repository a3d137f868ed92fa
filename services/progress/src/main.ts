import { runProductionService } from '@relais/host';
import { createProgressService } from './compose';
import { mongoAdapters } from './mongo';

await runProductionService('progress', (infrastructure) =>
  createProgressService(mongoAdapters(infrastructure)),
);
