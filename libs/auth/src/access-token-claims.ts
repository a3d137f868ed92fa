import { z } from 'zod';
import { academy, displayName, schoolCode, userId } from '@relais/contracts';
import { createCaller, type Caller } from './caller';
import { invalidToken } from './errors';
import { isRole } from './roles';

const optionalName = displayName.optional();

/**
 * The claims Relais reads from a Keycloak-shaped access token (docs/api.md "Token claims used"), held to
 * the same formats as the events they end up in: a school that is not a UAI code would otherwise pass
 * the token check and fail later, deep in a service, as a 500.
 */
const accessTokenClaims = z.looseObject({
  sub: userId,
  preferred_username: optionalName,
  name: optionalName,
  given_name: optionalName,
  family_name: optionalName,
  realm_access: z.looseObject({ roles: z.array(z.string()).optional() }).optional(),
  academy: academy.optional(),
  district: z.string().min(1).max(100).optional(),
  school: schoolCode.optional(),
  // Not checked as an address here: a malformed one must not lock a person out; the notifications
  // service, its only reader, checks it before it sends anything.
  email: z.string().max(320).optional(),
});

/** Which claims are wrong and what they should be; never their values, which name a person. */
function describeClaimIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) => {
    const claim = issue.path.join('.') || 'the payload';
    return issue.code === 'invalid_format' || issue.code === 'too_big' || issue.code === 'too_small'
      ? `${claim}: ${issue.message}`
      : `${claim}: missing or of the wrong type`;
  });
  return [...new Set(issues)].join('; ');
}

/** Builds the Caller from the payload of an access token whose signature, issuer, audience and expiry were checked. */
export function callerFromClaims(payload: unknown): Caller {
  const parsed = accessTokenClaims.safeParse(payload);
  if (!parsed.success) {
    throw invalidToken(
      `The access token does not carry the identity claims Relais needs (${describeClaimIssues(parsed.error)}). ` +
        "Obtain a new token; if this persists, the identity provider's claim mappers need fixing.",
    );
  }
  const claims = parsed.data;
  const username = claims.preferred_username ?? claims.sub;
  const fullName = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return createCaller({
    id: claims.sub,
    username,
    name: claims.name ?? (fullName || username),
    roles: (claims.realm_access?.roles ?? []).filter(isRole),
    ...(claims.academy ? { academy: claims.academy } : {}),
    ...(claims.district ? { district: claims.district } : {}),
    ...(claims.school ? { school: claims.school } : {}),
    ...(claims.email ? { email: claims.email } : {}),
  });
}
