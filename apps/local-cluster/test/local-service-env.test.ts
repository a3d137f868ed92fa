import { keycloakAuthority } from '../src/local-service-env';

describe('where the portal behind the local gateway signs people in', () => {
  it('is the realm of the Keycloak the services trust, as the browser reaches it', () => {
    expect(keycloakAuthority({ KEYCLOAK_URL: 'http://127.0.0.1:8180/' })).toBe(
      'http://127.0.0.1:8180/realms/relais',
    );
    expect(keycloakAuthority({ KEYCLOAK_URL: 'http://127.0.0.1:8180', KEYCLOAK_REALM: 'other' })).toBe(
      'http://127.0.0.1:8180/realms/other',
    );
  });

  it('refuses to guess when no Keycloak is named', () => {
    expect(() => keycloakAuthority({})).toThrow(/KEYCLOAK_URL/);
  });
});
