import { STATUS_CODES } from 'node:http';
import { ZodError } from 'zod';
import { Problem, isProblem } from './problem';
import { internalError, payloadTooLarge, unsupportedMediaType } from './problem-factories';
import { RequestValidationError, validationProblem } from './validation-problem';

/** Shape of the errors raised by body-parser (express.json) and other http-errors producers. */
interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

function asHttpError(error: unknown): HttpError | undefined {
  return error instanceof Error && ('status' in error || 'statusCode' in error)
    ? (error as HttpError)
    : undefined;
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'the configured limit';
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} kB (${bytes} bytes)` : `${bytes} bytes`;
}

function malformedJson(error: HttpError): Problem {
  // JSON.parse messages say where parsing stopped ("at position 12 (line 1 column 13)");
  // they may quote the caller's own input, which is fine to return to that caller.
  return new Problem({
    status: 400,
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: `The request body is not valid JSON: ${error.message}. Send a JSON object or array.`,
  });
}

function fromBodyParser(error: HttpError): Problem | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return malformedJson(error);
    case 'entity.too.large':
      return payloadTooLarge(
        'BODY_TOO_LARGE',
        `The request body is larger than the limit of ${formatBytes(error.limit)}. Send a smaller body.`,
      );
    case 'charset.unsupported':
      return unsupportedMediaType(
        'UNSUPPORTED_MEDIA_TYPE',
        `The charset "${error.charset ?? ''}" is not supported. Send the body as application/json in UTF-8.`,
      );
    case 'encoding.unsupported':
      return unsupportedMediaType(
        'UNSUPPORTED_MEDIA_TYPE',
        `The content encoding "${error.encoding ?? ''}" is not supported. Send an identity, gzip, deflate or br body.`,
      );
    case 'request.aborted':
      return new Problem({
        status: 400,
        code: 'REQUEST_ABORTED',
        detail: 'The client aborted the request body.',
      });
    case 'request.size.invalid':
      return new Problem({
        status: 400,
        code: 'BODY_SIZE_MISMATCH',
        detail: 'The request body size does not match its Content-Length header.',
      });
    default:
      return undefined;
  }
}

/** 405 → `METHOD_NOT_ALLOWED`: a stable code for errors raised by third-party middleware. */
function codeForStatus(status: number): string {
  const phrase = STATUS_CODES[status] ?? `HTTP ${status}`;
  return phrase
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function fromGenericHttpError(error: HttpError): Problem | undefined {
  const status = error.status ?? error.statusCode;
  if (status === undefined || status < 400 || status > 499) return undefined;
  // http-errors marks client errors whose message is meant for the caller with `expose`.
  const detail = error.expose ? error.message : 'The request cannot be processed.';
  return new Problem({ status, code: codeForStatus(status), detail });
}

/**
 * Maps anything thrown during a request to the problem the client sees.
 * Returns `unexpected: true` for errors that are our fault, which the caller must log.
 */
export function toProblem(error: unknown): { problem: Problem; unexpected: boolean } {
  if (isProblem(error)) return { problem: error, unexpected: false };
  if (error instanceof RequestValidationError) {
    return { problem: validationProblem(error.part, error.issues), unexpected: false };
  }
  // A bare ZodError comes from code that validated the request body itself (outside ServiceApi).
  if (error instanceof ZodError)
    return { problem: validationProblem('body', error.issues), unexpected: false };
  const httpError = asHttpError(error);
  const known = httpError && (fromBodyParser(httpError) ?? fromGenericHttpError(httpError));
  if (known) return { problem: known, unexpected: false };
  return { problem: internalError(), unexpected: true };
}
