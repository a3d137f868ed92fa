import { createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt } from 'node:crypto';
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

  it('give notifications a key pair whose public half, given to feedback, it can open', () => {
    const infraHome = mkdtempSync(join(tmpdir(), 'relais-secrets-'));
    try {
      const env = localServiceEnv({ RELAIS_INFRA_HOME: infraHome });
      const sealed = publicEncrypt(
        createPublicKey(String(env['NOTIFICATIONS_RECIPIENT_PUBLIC_KEY'])),
        Buffer.from('teacher.01'),
      );
      expect(
        privateDecrypt(
          createPrivateKey(String(env['NOTIFICATIONS_RECIPIENT_PRIVATE_KEY'])),
          sealed,
        ).toString(),
      ).toBe('teacher.01');
      // The same pair on the next start, and the environment's own wins.
      const again = localServiceEnv({ RELAIS_INFRA_HOME: infraHome, SMTP_HOST: 'relay.example.org' });
      expect(again['NOTIFICATIONS_RECIPIENT_PRIVATE_KEY']).toBe(env['NOTIFICATIONS_RECIPIENT_PRIVATE_KEY']);
      expect(again['SMTP_HOST']).toBe('relay.example.org');
    } finally {
      rmSync(infraHome, { recursive: true, force: true });
    }
  });

  it('give enrollment the secret its Keycloak client has in the realm the local Keycloak imported', () => {
    const infraHome = mkdtempSync(join(tmpdir(), 'relais-secrets-'));
    try {
      const env = localServiceEnv({ RELAIS_INFRA_HOME: infraHome });
      expect(env['RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET']).toBe('demo-enrollment-identity-events-secret');
      const given = localServiceEnv({
        RELAIS_INFRA_HOME: infraHome,
        RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: 'own',
      });
      expect(given['RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET']).toBe('own');
    } finally {
      rmSync(infraHome, { recursive: true, force: true });
    }
  });
});
