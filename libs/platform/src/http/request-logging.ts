import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { HttpLogger } from 'pino-http';
import { correlationIdOf } from './correlation-id';
import { routeTemplateOf } from './route-template';

/** Probes hit every few seconds; a line each would drown the useful ones. */
const QUIET_PATHS = new Set(['/healthz', '/metrics']);

function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number): Record<string, unknown> {
  return { method: req.method, route: routeTemplateOf(req), status: res.statusCode, durationMs };
}

/**
 * One line per request with the route template, status and duration. Deliberately no URL (query
 * strings and path ids are personal), no headers and no bodies.
 */
export function logRequests(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req) => correlationIdOf(req),
    customAttributeKeys: { reqId: 'correlationId' },
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0] ?? '') },
    customLogLevel: (_req, res) => (res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, fields) => requestLine(req, res, fields.responseTime as number),
    customErrorObject: (req, res, _error, fields) => requestLine(req, res, fields.responseTime as number),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
}
