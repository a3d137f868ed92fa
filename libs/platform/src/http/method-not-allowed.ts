import type { RequestHandler } from 'express';
import { Problem } from '../errors/problem';
import type { HttpMethod } from './route-definition';

/**
 * The `Allow` value of a resource whose declared methods are `declared`: Express answers HEAD
 * with the GET route, and OPTIONS is answered here (204 with this header) on every known path.
 */
export function allowedMethods(declared: Iterable<HttpMethod>): string[] {
  const methods = new Set<string>([...declared].map((method) => method.toUpperCase()));
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return order.filter((method) => methods.has(method));
}

export function methodNotAllowed(method: string, allow: readonly string[]): Problem {
  return new Problem({
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    // The method only: the path may carry ids.
    detail: `This path does not answer ${method}; it answers ${allow.join(', ')} (see the Allow header and /api/<service>/openapi.json).`,
    headers: { Allow: allow.join(', ') },
  });
}

/**
 * Answers a request on a known path: OPTIONS with 204 and `Allow`, any method outside `allow` with
 * 405 and `Allow` (RFC 9110 §15.5.6). A method in `allow` goes on to its route.
 */
export function answerUnsupportedMethod(
  allowOf: (path: string) => readonly string[] | undefined,
): RequestHandler {
  return (req, res, next) => {
    const allow = allowOf(req.path);
    if (!allow || (req.method !== 'OPTIONS' && allow.includes(req.method))) {
      next();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allow.join(', '));
      res.status(204).end();
      return;
    }
    next(methodNotAllowed(req.method, allow));
  };
}

/** Matches request paths the way Express 5 routes them by default: case-insensitive, optional trailing slash. */
export function pathTemplateMatcher(expressPath: string): (path: string) => boolean {
  // toOpenApiPath already refused wildcards and optional groups: only literals and `:name` remain.
  const pattern = expressPath
    .split(/:[A-Za-z_$][A-Za-z0-9_$]*/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, (char) => `\\${char}`))
    .join('[^/]+');
  const regex = new RegExp(`^${pattern}/?$`, 'i');
  return (path) => regex.test(path);
}
