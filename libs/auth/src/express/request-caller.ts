import type { Request } from 'express';
import type { Caller } from '../caller';

// Kept off the Request object so no global type augmentation leaks into every package using express.
const callers = new WeakMap<Request, Caller>();

export function attachCaller(req: Request, caller: Caller): void {
  callers.set(req, caller);
}

/** The Caller that `authenticate` established for this request. */
export function callerOf(req: Request): Caller {
  const caller = callers.get(req);
  if (!caller) {
    // A wiring mistake, not bad input: the route was registered without authenticate().
    throw new Error('callerOf(req) used on a route that is not behind authenticate(verifier)');
  }
  return caller;
}
