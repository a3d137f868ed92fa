import type { RequestHandler } from 'express';
import { isProblem } from '@relais/platform';
import { invalidToken, unauthenticated } from '../errors';
import type { TokenVerifier } from '../token-verifier';
import { attachCaller } from './request-caller';

const BEARER = /^Bearer +(\S+)$/i;

/**
 * Establishes the Caller from `Authorization: Bearer <token>`, or passes a 401 Problem (with its RFC 6750
 * `WWW-Authenticate` challenge) to the error handler. The token itself never appears in a problem.
 */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization?.trim();
    if (!header) {
      return next(unauthenticated('This route needs an access token: send "Authorization: Bearer <token>".'));
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      return next(
        unauthenticated('The Authorization header must use the Bearer scheme with an access token.'),
      );
    }
    try {
      attachCaller(req, await verifier.verify(token));
      return next();
    } catch (error) {
      return next(
        isProblem(error) ? error : invalidToken('The access token could not be verified; obtain a new one.'),
      );
    }
  };
}
