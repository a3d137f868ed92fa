import { Problem } from './problem';

export function badRequest(code: string, detail: string, extensions?: Record<string, unknown>): Problem {
  return new Problem({ status: 400, code, detail, extensions });
}

export function unauthorized(code: string, detail: string): Problem {
  // RFC 6750 §3: a 401 on a bearer-protected resource names the scheme the client must use.
  return new Problem({ status: 401, code, detail, headers: { 'WWW-Authenticate': 'Bearer realm="relais"' } });
}

export function forbidden(code: string, detail: string): Problem {
  return new Problem({ status: 403, code, detail });
}

export function notFound(code: string, detail: string): Problem {
  return new Problem({ status: 404, code, detail });
}

export function conflict(code: string, detail: string, extensions?: Record<string, unknown>): Problem {
  return new Problem({ status: 409, code, detail, extensions });
}

/** Well-formed, but a rule JSON Schema cannot state refuses it (a reversed range, a name that does not exist). */
export function unprocessable(code: string, detail: string, extensions?: Record<string, unknown>): Problem {
  return new Problem({ status: 422, code, detail, extensions });
}

export function unsupportedMediaType(code: string, detail: string): Problem {
  return new Problem({ status: 415, code, detail });
}

export function payloadTooLarge(code: string, detail: string): Problem {
  return new Problem({ status: 413, code, detail });
}

export function tooManyRequests(code: string, detail: string, retryAfterSeconds?: number): Problem {
  return new Problem({ status: 429, code, detail, headers: retryAfter(retryAfterSeconds) });
}

export function serviceUnavailable(code: string, detail: string, retryAfterSeconds?: number): Problem {
  return new Problem({ status: 503, code, detail, headers: retryAfter(retryAfterSeconds) });
}

export function internalError(): Problem {
  return new Problem({
    status: 500,
    code: 'INTERNAL_ERROR',
    detail: 'The server could not complete the request. It has been logged; try again later.',
  });
}

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'Retry-After': String(Math.max(0, Math.ceil(seconds))) };
}
