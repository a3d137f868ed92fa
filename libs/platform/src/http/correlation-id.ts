import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Accepted from clients only when it cannot smuggle anything into logs or headers. */
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

const correlationIds = new WeakMap<IncomingMessage, string>();
const requestContext = new AsyncLocalStorage<{ correlationId: string }>();

/** The request's correlation id; one is assigned on first use if the request skipped the middleware. */
export function correlationIdOf(req: IncomingMessage): string {
  let correlationId = correlationIds.get(req);
  if (correlationId === undefined) {
    correlationId = randomUUID();
    correlationIds.set(req, correlationId);
  }
  return correlationId;
}

/** The correlation id of the request being handled, for code that has no `req` at hand (events, logs). */
export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}

/** Gives every request a correlation id (the caller's when it is safe, else a new one) and echoes it. */
export function assignCorrelationId(): RequestHandler {
  return (req, res, next) => {
    const offered = req.get(CORRELATION_ID_HEADER);
    const correlationId = offered !== undefined && SAFE_CORRELATION_ID.test(offered) ? offered : randomUUID();
    correlationIds.set(req, correlationId);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    next();
  };
}

/**
 * Runs the rest of the chain inside the request's async context. Mounted after body parsing:
 * body-parser resumes from stream events, which would lose a context entered earlier.
 */
export function enterCorrelationContext(): RequestHandler {
  return (req, _res, next) => {
    requestContext.run({ correlationId: correlationIdOf(req) }, next);
  };
}
