import { isProblem } from '@relais/platform';
import { callerFromClaims, createCaller } from '../src';

const keycloakClaims = {
  sub: '1f08d417-05d4-54eb-adc8-26d5d4f1bbd8',
  preferred_username: 'trainer.alice',
  given_name: 'Alice',
  family_name: 'Marchand',
  name: 'Alice Marchand',
  email: 'trainer.alice@demo.relais.invalid',
  realm_access: { roles: ['trainer', 'default-roles-relais', 'offline_access'] },
  academy: 'lyon',
};

describe('callerFromClaims', () => {
  it('maps the Keycloak claims Relais uses, keeping only Relais roles and nothing else', () => {
    const caller = callerFromClaims(keycloakClaims);

    expect({ ...caller, hasRole: undefined }).toEqual({
      id: keycloakClaims.sub,
      username: 'trainer.alice',
      name: 'Alice Marchand',
      roles: ['trainer'],
      academy: 'lyon',
      // For the notifications' mail alone (ADR 0030); unchecked here, checked before sending.
      email: 'trainer.alice@demo.relais.invalid',
      hasRole: undefined,
    });
  });

  it('keeps an email claim that is no address, rather than refusing the token', () => {
    expect(callerFromClaims({ ...keycloakClaims, email: 'not an address' }).email).toBe('not an address');
  });

  it('answers hasRole from the realm roles', () => {
    const caller = callerFromClaims(keycloakClaims);

    expect(caller.hasRole('trainer')).toBe(true);
    expect(caller.hasRole('inspector')).toBe(false);
  });

  it('builds the name from given and family names when there is no name claim', () => {
    const { name: _name, ...withoutName } = keycloakClaims;
    expect(callerFromClaims(withoutName).name).toBe('Alice Marchand');
  });

  it('falls back to the username for a service account without names or roles', () => {
    const caller = callerFromClaims({
      sub: 'fdfe12ff-db2b-5210-a810-fdf56c7896fe',
      preferred_username: 'service-account-relais-stats',
    });

    expect(caller).toMatchObject({
      username: 'service-account-relais-stats',
      name: 'service-account-relais-stats',
      roles: [],
    });
  });

  it.each([
    ['no subject', { ...keycloakClaims, sub: undefined }],
    ['an empty subject', { ...keycloakClaims, sub: '' }],
    ['roles that are not a list', { ...keycloakClaims, realm_access: { roles: 'trainer' } }],
    ['a payload that is not an object', 'trainer'],
  ])('refuses a token with %s as INVALID_TOKEN', (_case, claims) => {
    let thrown: unknown;
    try {
      callerFromClaims(claims);
    } catch (error) {
      thrown = error;
    }
    expect(isProblem(thrown)).toBe(true);
    expect(thrown).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
  });
});

describe('claims that would fail later, deep in a service', () => {
  const refusalOf = (claims: unknown): { status?: number; code?: string; detail?: string } => {
    try {
      callerFromClaims(claims);
    } catch (error) {
      return error as { status?: number; code?: string; detail?: string };
    }
    throw new Error('the claims were accepted');
  };

  it.each([
    ['school', { ...keycloakClaims, school: '0691234' }, 'a UAI code'],
    ['academy', { ...keycloakClaims, academy: 'Lyon Académie' }, 'an academy slug'],
    ['name', { ...keycloakClaims, name: 'x'.repeat(201) }, 'name'],
    ['sub', { ...keycloakClaims, sub: 'y'.repeat(65) }, 'sub'],
  ])(
    'refuses a malformed %s claim as INVALID_TOKEN, naming the claim and its format',
    (claim, claims, hint) => {
      const refusal = refusalOf(claims);
      expect(refusal).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
      expect(refusal.detail).toContain(`${claim}:`);
      expect(refusal.detail).toContain(hint);
    },
  );

  it('never quotes the refused value, which may name a person or a school', () => {
    const refusal = refusalOf({ ...keycloakClaims, school: 'Lycée Marie Curie', name: '' });
    expect(refusal.detail).not.toContain('Marie Curie');
    expect(refusal.detail).toContain('school:');
  });

  it('accepts a UAI school code and an academy slug', () => {
    expect(callerFromClaims({ ...keycloakClaims, school: '0691234A' }).school).toBe('0691234A');
  });
});

describe('createCaller', () => {
  it('is immutable and de-duplicates roles', () => {
    const caller = createCaller({ id: 'id-1', username: 'u', name: 'U', roles: ['teacher', 'teacher'] });

    expect(caller.roles).toEqual(['teacher']);
    expect(Object.isFrozen(caller)).toBe(true);
    expect(Object.isFrozen(caller.roles)).toBe(true);
  });
});
