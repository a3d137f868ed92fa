import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

export const UNMATCHED_ROUTE = 'unmatched';

const templates = new WeakMap<IncomingMessage, string>();

/** Remembers the matched route template (`/api/enrollment/courses/:id`) for logs and metrics. */
export function recordRouteTemplate(req: Request, routePath: string): void {
  templates.set(req, req.baseUrl + routePath);
}

/**
 * The route template, never the raw URL: raw paths carry ids. Routes declared outside ServiceApi
 * (health, extra routes) fall back to Express's own `req.route`.
 */
export function routeTemplateOf(req: IncomingMessage): string {
  const recorded = templates.get(req);
  if (recorded !== undefined) return recorded;
  const route = (req as Partial<Request>).route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string') return ((req as Partial<Request>).baseUrl ?? '') + route.path;
  return UNMATCHED_ROUTE;
}
