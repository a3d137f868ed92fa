import { z } from 'zod';
import { createCaller, type Caller } from './caller';
import { invalidToken } from './errors';
import { isRole } from './roles';

const optionalText = z.string().min(1).optional();

/** The claims Relais reads from a Keycloak-shaped access token (API.md "Token claims used"). */
const accessTokenClaims = z.looseObject({
  sub: z.string().min(1),
  preferred_username: optionalText,
  name: optionalText,
  given_name: optionalText,
  family_name: optionalText,
  realm_access: z.looseObject({ roles: z.array(z.string()).optional() }).optional(),
  academy: optionalText,
  district: optionalText,
  school: optionalText,
});

/** Builds the Caller from the payload of an access token whose signature, issuer, audience and expiry were checked. */
export function callerFromClaims(payload: unknown): Caller {
  const parsed = accessTokenClaims.safeParse(payload);
  if (!parsed.success) {
    throw invalidToken(
      'The access token does not carry the identity claims Relais needs; obtain a new token.',
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
  });
}
