import type { Express } from 'express';
import { createHttpApp } from '../../src';
import type { HttpAppOptions } from '../../src';
import { capturingLogger } from './log-capture';
import { sampleApi } from './sample-api';

/** The sample service inside a full app, with its log lines captured. */
export function sampleApp(overrides: Partial<HttpAppOptions> = {}): {
  app: Express;
  logs: ReturnType<typeof capturingLogger>;
} {
  const logs = capturingLogger('sample');
  const app = createHttpApp({ logger: logs.logger, services: [sampleApi()], readiness: [], ...overrides });
  return { app, logs };
}
