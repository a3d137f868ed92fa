import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Problem } from './problem';
import { correlationIdOf } from '../http/correlation-id';
import { scrubMessage, stackFrames } from './scrub';
import { toProblem } from './to-problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status);
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.toJSON()));
}

function describeUnexpected(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  // Never the raw message: it may quote a document, a query or a user's input.
  // `errorType`, not `name`: `name` is a redacted (personal) key.
  return { errorType: error.name, reason: scrubMessage(error.message), frames: stackFrames(error) };
}

/** The last middleware of every app: everything thrown becomes an RFC 9457 problem document. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late for a problem document; Express's default handler closes the connection.
      next(error);
      return;
    }
    const { problem, unexpected } = toProblem(error);
    if (unexpected) {
      logger.error(
        { correlationId: correlationIdOf(req), ...describeUnexpected(error) },
        'unexpected error while handling a request',
      );
    }
    sendProblem(res, problem);
  };
}
