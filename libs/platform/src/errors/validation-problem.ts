import type { z } from 'zod';
import { Problem } from './problem';

export type RequestPart = 'body' | 'query' | 'params';

export interface FieldError {
  in: RequestPart;
  /** Dotted path to the offending field (`activities.0.title`); empty for the whole part. */
  path: string;
  message: string;
}

/** Thrown by ServiceApi when a request part fails its schema; the error handler turns it into a 400. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: RequestPart,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`Request ${part} failed validation`);
    this.name = 'RequestValidationError';
  }
}

function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function fieldErrors(part: RequestPart, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          in: part,
          path: dottedPath([...issue.path, key]),
          message: 'Unknown field: this API accepts only documented fields',
        }))
      : [{ in: part, path: dottedPath(issue.path), message: issue.message }],
  );
}

/**
 * Unknown fields get their own code because they are how L2 is enforced at the edge: a client that
 * sends time spent or clicks must learn that such data is not accepted, not that it is malformed.
 */
export function validationProblem(part: RequestPart, issues: readonly z.core.$ZodIssue[]): Problem {
  const errors = fieldErrors(part, issues);
  const unknownFields = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => dottedPath([...issue.path, key])) : [],
  );
  if (unknownFields.length > 0) {
    return new Problem({
      status: 400,
      code: 'UNKNOWN_FIELDS',
      title: 'Unknown fields',
      detail:
        `The request ${part} contains fields this API does not accept: ${unknownFields.join(', ')}. ` +
        'This API accepts only documented fields; remove them and try again.',
      extensions: { errors },
    });
  }
  const summary = errors.map((error) => `${error.path || part}: ${error.message}`).join('; ');
  return new Problem({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'Invalid request',
    detail: `The request ${part} is invalid: ${summary}`,
    extensions: { errors },
  });
}
