import type { RequestHandler } from 'express';
import { notFound } from '../errors/problem-factories';

export function routeNotFound(): RequestHandler {
  return (req, _res, next) => {
    // The method only: the path may carry ids.
    next(
      notFound(
        'ROUTE_NOT_FOUND',
        `No ${req.method} route matches this path. See /api/<service>/openapi.json.`,
      ),
    );
  };
}
