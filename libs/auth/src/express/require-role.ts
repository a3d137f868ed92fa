import type { RequestHandler } from 'express';
import { forbiddenRole } from '../errors';
import type { Role } from '../roles';
import { callerOf } from './request-caller';

/** Lets the request through when the caller has at least one of the roles; 403 `FORBIDDEN_ROLE` otherwise. */
export function requireRole(...allowed: [Role, ...Role[]]): RequestHandler {
  const detail = `This route is reserved to the role${allowed.length > 1 ? 's' : ''} ${allowed.join(', ')}.`;
  return (req, _res, next) => {
    const caller = callerOf(req);
    return allowed.some((role) => caller.hasRole(role)) ? next() : next(forbiddenRole(detail));
  };
}
