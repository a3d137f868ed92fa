import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { correlationIdOf } from './correlation-id';
import { routeTemplateOf } from './route-template';

/** Probes hit every few seconds; a line each would drown the useful ones. */
const QUIET_PATHS = new Set(['/healthz', '/metrics']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * One line per request with the route template, status and duration. Deliberately no URL (query
 * strings and path ids are personal), no headers and no bodies: the line is built from these five
 * fields only, on the service's logger, without a logger per request (ADR 0029).
 */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (QUIET_PATHS.has(pathOf(req.url))) return next();
    const startedAt = performance.now();
    res.once('close', () => {
      const failed = res.statusCode >= 500;
      const line = {
        correlationId: correlationIdOf(req),
        method: req.method,
        route: routeTemplateOf(req),
        status: res.statusCode,
        durationMs: Math.round(performance.now() - startedAt),
        // The client went away before the whole answer was written.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (failed) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
