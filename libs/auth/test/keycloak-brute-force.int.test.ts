import { readFileSync } from 'node:fs';

// A real Keycloak 26 that imported deploy/keycloak/realm-relais.json (see scripts/infra).
const keycloakUrl = process.env.KEYCLOAK_URL?.replace(/\/+$/, '');
if (!keycloakUrl) {
  throw new Error('KEYCLOAK_URL is not set: start Keycloak with deploy/keycloak/realm-relais.json imported.');
}

const realmFile = JSON.parse(
  readFileSync(new URL('../../../deploy/keycloak/realm-relais.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// A demo account no other test signs in with: this test locks it for a minute.
const LOCKED_USER = 'teacher.g12';

const passwordGrant = (password: string) =>
  fetch(`${keycloakUrl}/realms/relais/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'relais-portal',
      username: LOCKED_USER,
      password,
    }),
  });

describe('Keycloak brute-force detection from the realm file', () => {
  it('declares a temporary lockout with a growing wait, never a permanent one', () => {
    expect(realmFile).toMatchObject({
      bruteForceProtected: true,
      permanentLockout: false,
      failureFactor: 5,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
    });
  });

  it('refuses the right password for a while after repeated wrong ones', async () => {
    const failures: number[] = [];
    for (let attempt = 0; attempt < Number(realmFile['failureFactor']); attempt += 1) {
      failures.push((await passwordGrant(`mauvais-${attempt}`)).status);
    }
    expect(failures.every((status) => status === 400 || status === 401)).toBe(true);

    const rightPassword = await passwordGrant(LOCKED_USER);

    expect(rightPassword.status).not.toBe(200);
    expect(await rightPassword.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
