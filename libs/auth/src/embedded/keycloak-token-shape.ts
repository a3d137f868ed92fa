import type { RealmUser, TokenClient } from './realm-file';

/** The registered claims oidc-provider computed for the token (identity, lifetime, issuer). */
export interface IssuedTokenClaims {
  readonly jti: unknown;
  readonly iat: unknown;
  readonly exp: unknown;
  readonly iss: unknown;
  readonly scope?: unknown;
}

const DEFAULT_SCOPE = 'profile email';

/** Profile claims as Keycloak's `profile` and `email` client scopes put them in an access token. */
export function profileClaims(user: RealmUser): Record<string, unknown> {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    preferred_username: user.username,
    email_verified: user.emailVerified,
    ...(name ? { name } : {}),
    ...(user.firstName ? { given_name: user.firstName } : {}),
    ...(user.lastName ? { family_name: user.lastName } : {}),
    ...(user.email ? { email: user.email } : {}),
  };
}

/** Claims copied from user attributes by the client's user attribute mappers (academy, district, school). */
export function attributeClaims(user: RealmUser, client: TokenClient): Record<string, string> {
  return Object.fromEntries(
    client.attributeClaims.flatMap(({ attribute, claim }) => {
      const value = user.attributes[attribute]?.[0];
      return value === undefined ? [] : [[claim, value]];
    }),
  );
}

/**
 * The payload of a Keycloak 26 access token for `subject` obtained by `client`: `typ: Bearer`, `azp`, `aud`
 * from the audience mappers, realm roles in `realm_access.roles`, profile claims and mapped attributes.
 * Services and their token verifier cannot tell it from one Keycloak issued.
 */
export function keycloakAccessTokenClaims(
  issued: IssuedTokenClaims,
  subject: RealmUser,
  client: TokenClient,
): Record<string, unknown> {
  const audience = client.audience.length === 1 ? client.audience[0] : [...client.audience];
  return {
    exp: issued.exp,
    iat: issued.iat,
    jti: issued.jti,
    iss: issued.iss,
    ...(client.audience.length > 0 ? { aud: audience } : {}),
    sub: subject.id,
    typ: 'Bearer',
    azp: client.clientId,
    ...(subject.realmRoles.length > 0 ? { realm_access: { roles: [...subject.realmRoles] } } : {}),
    scope: typeof issued.scope === 'string' && issued.scope !== '' ? issued.scope : DEFAULT_SCOPE,
    ...(subject.serviceAccountClientId ? { client_id: subject.serviceAccountClientId } : {}),
    ...profileClaims(subject),
    ...attributeClaims(subject, client),
  };
}
