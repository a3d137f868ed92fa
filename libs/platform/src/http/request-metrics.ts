import { metrics } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { routeTemplateOf } from './route-template';

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
]);

/** Bucket boundaries recommended by the OpenTelemetry HTTP semantic conventions. */
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * Records `http.server.request.duration` per route TEMPLATE: raw paths carry ids, and metric
 * labels must never hold personal data. The meter is taken from the global provider when the app
 * is built, so telemetry must be started before createHttpApp.
 */
export function recordRequestMetrics(): RequestHandler {
  const histogram = metrics.getMeter('@relais/platform').createHistogram('http.server.request.duration', {
    unit: 's',
    description: 'Duration of HTTP server requests',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS_SECONDS },
  });
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      histogram.record(seconds, {
        'http.request.method': KNOWN_METHODS.has(req.method) ? req.method : '_OTHER',
        'http.route': routeTemplateOf(req),
        'http.response.status_code': res.statusCode,
      });
    });
    next();
  };
}
