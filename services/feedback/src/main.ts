import { runProductionService } from '@relais/host';
import { loadConfig } from '@relais/platform';
import { createFeedbackService } from './compose';
import { feedbackConfigSchema } from './config';
import { mongoAdapters } from './mongo';

const own = loadConfig(feedbackConfigSchema);

await runProductionService('feedback', (infrastructure) =>
  createFeedbackService(mongoAdapters(infrastructure, own)),
);
