import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createErrorHandler } from '../errors/error-handler';
import { assignCorrelationId, enterCorrelationContext } from './correlation-id';
import { DEFAULT_READINESS_TIMEOUT_MS, livenessHandler, readinessHandler } from './health';
import type { ReadinessCheck } from './health';
import { metricsHandler } from './metrics-endpoint';
import { allowedMethods, answerUnsupportedMethod } from './method-not-allowed';
import type { MetricsEndpoint } from './metrics-endpoint';
import { routeNotFound } from './not-found';
import { logRequests } from './request-logging';
import { recordRequestMetrics } from './request-metrics';
import type { ServiceApi } from './service-api';

export interface HttpAppOptions {
  logger: Logger;
  services: readonly ServiceApi[];
  readiness: readonly ReadinessCheck[];
  metrics?: MetricsEndpoint;
  /** express.json limit, e.g. `100kb`. */
  bodyLimit?: string | number;
  readinessTimeoutMs?: number;
  /** Extra routes (identity provider, /docs), mounted before the 404. */
  configure?: (app: Express) => void;
  /** Middleware that must see a request before the services do (the standalone's demo gate). */
  beforeServices?: (app: Express) => void;
}

/** The HTTP defaults every Relais process shares; services only bring their ServiceApi. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Flat string values only, so query schemas never meet nested objects.
  app.set('query parser', 'simple');
  // Answers are no-store (below): nothing keeps them to revalidate, and an ETag costs a hash of every
  // body and lets a client obtain a 304 that no OpenAPI document declares (ADR 0021).
  app.set('etag', false);

  app.use(assignCorrelationId());
  app.use(recordRequestMetrics());
  app.use(logRequests(options.logger));
  app.use(helmet());
  // docs/design.md §5: personal data never rests in a browser or proxy cache. Set before anything can answer,
  // body parsing included, so that every error (malformed JSON, 401, 404, validation) carries it too.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // JSON only, and strict: top-level primitives are refused.
  app.use(express.json({ limit: options.bodyLimit ?? '100kb', strict: true }));
  app.use(enterCorrelationContext());

  app.get('/healthz', livenessHandler());
  app.get(
    '/readyz',
    readinessHandler(options.readiness, options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS),
  );
  app.get('/metrics', metricsHandler(options.metrics));
  const getOnly = answerUnsupportedMethod(() => allowedMethods(['get']));
  app.all(['/healthz', '/readyz', '/metrics'], getOnly);

  options.beforeServices?.(app);
  const mounted = new Set<string>();
  for (const api of options.services) {
    if (mounted.has(api.service)) throw new TypeError(`Service "${api.service}" is mounted twice`);
    mounted.add(api.service);
    const base = `/api/${api.service}`;
    app.get(`${base}/openapi.json`, (_req, res) => {
      res.json(api.openApiDocument());
    });
    app.all(`${base}/openapi.json`, getOnly);
    app.use(base, api.router);
  }

  options.configure?.(app);
  app.use(routeNotFound());
  app.use(createErrorHandler(options.logger));
  return app;
}
