import type { Role } from './roles';

/** Who is calling, as established by a verified access token. Only what the API needs, nothing more. */
export interface Caller {
  /** The token subject: a stable, opaque id of the person (or of a service account). */
  readonly id: string;
  readonly username: string;
  /** A display name ("given family"); the username when the token carries no name. */
  readonly name: string;
  readonly roles: readonly Role[];
  readonly academy?: string;
  readonly district?: string;
  /** UAI code of the school. */
  readonly school?: string;
  /** The address of the token's `email` claim, unchecked; only notifications reads it, to send mail. */
  readonly email?: string;
  hasRole(role: Role): boolean;
}

export type CallerFields = Omit<Caller, 'hasRole'>;

export function createCaller(fields: CallerFields): Caller {
  const roles = Object.freeze([...new Set(fields.roles)]);
  return Object.freeze({
    ...fields,
    roles,
    hasRole: (role: Role) => roles.includes(role),
  });
}
