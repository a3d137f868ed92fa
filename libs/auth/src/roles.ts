/** The realm roles of Relais (docs/design.md §6); a token may carry other roles, which Relais ignores. */
export const ROLES = [
  'teacher',
  'trainer',
  'training-manager',
  'inspector',
  'ministry',
  'chsct',
  'ops',
] as const;

export type Role = (typeof ROLES)[number];

const knownRoles: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && knownRoles.has(value);
}
