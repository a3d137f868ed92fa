import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keycloakAuthority, localServiceEnv } from '../src/local-service-env';

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

describe('the secrets the services need on one machine', () => {
  it('are kept where the local cluster always kept them, so that counts survive an upgrade', () => {
    const infraHome = mkdtempSync(join(tmpdir(), 'relais-secrets-'));
    try {
      const env = localServiceEnv({ RELAIS_INFRA_HOME: infraHome });
      expect(readFileSync(join(infraHome, 'counting-key'), 'utf8')).toBe(env['RELAIS_COUNTING_KEY']);
      expect(readFileSync(join(infraHome, 'feedback-author-key'), 'utf8')).toBe(env['FEEDBACK_AUTHOR_KEY']);
    } finally {
      rmSync(infraHome, { recursive: true, force: true });
    }
  });
});
