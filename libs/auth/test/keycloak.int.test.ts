import { clientCredentialsGrant, passwordGrant } from '../../testing/src/tokens';
import { createJwksTokenVerifier } from '../src';
import {
  decodeJwt,
  startEmbeddedRealmServer,
  type EmbeddedRealmServer,
} from './support/embedded-realm-server';
import { describeTokenVerifierContract } from './support/token-verifier-contract';

// A real Keycloak 26 that imported deploy/keycloak/realm-relais.json (see scripts/infra and the global setup).
const keycloakUrl = process.env.KEYCLOAK_URL?.replace(/\/+$/, '');
if (!keycloakUrl) {
  throw new Error(
    'KEYCLOAK_URL is not set: start Keycloak with deploy/keycloak/realm-relais.json imported and set ' +
      'KEYCLOAK_URL (e.g. http://127.0.0.1:8180), or let the integration global setup provide it.',
  );
}

let impostor: EmbeddedRealmServer;
let otherIssuer: EmbeddedRealmServer;

beforeAll(async () => {
  // Claims Keycloak's issuer but signs with its own key.
  impostor = await startEmbeddedRealmServer({ publicBaseUrl: keycloakUrl });
  otherIssuer = await startEmbeddedRealmServer();
});

afterAll(async () => {
  await Promise.all([impostor?.close(), otherIssuer?.close()]);
});

describeTokenVerifierContract('Keycloak', () => ({
  baseUrl: keycloakUrl,
  realm: 'relais',
  foreignKeyToken: () => passwordGrant({ baseUrl: impostor.baseUrl, username: 'teacher.01' }),
  foreignIssuerToken: () => passwordGrant({ baseUrl: otherIssuer.baseUrl, username: 'teacher.01' }),
}));

describe('Keycloak with the realm file', () => {
  it('issues the same access token claims as the embedded provider', async () => {
    const fromKeycloak = decodeJwt(
      await passwordGrant({ baseUrl: keycloakUrl, username: 'teacher.21' }),
    ).payload;
    const fromEmbedded = decodeJwt(
      await passwordGrant({ baseUrl: otherIssuer.baseUrl, username: 'teacher.21' }),
    ).payload;
    const claimsRelaisUses = [
      'sub',
      'typ',
      'azp',
      'preferred_username',
      'given_name',
      'family_name',
      'name',
      'email',
    ];

    for (const claim of [...claimsRelaisUses, 'academy', 'district', 'school']) {
      expect({ claim, value: fromKeycloak[claim] }).toEqual({ claim, value: fromEmbedded[claim] });
    }
    expect(fromKeycloak.aud).toEqual(expect.arrayContaining(fromEmbedded.aud as string[]));
    expect((fromKeycloak.realm_access as { roles: string[] }).roles).toContain('teacher');
  });

  it('issues service account tokens, which the services refuse on user routes (403 FORBIDDEN_CLIENT)', async () => {
    const token = await clientCredentialsGrant({
      baseUrl: keycloakUrl,
      clientId: 'relais-progress',
      clientSecret: 'demo-progress-secret',
    });
    const verifier = createJwksTokenVerifier({
      authServerUrl: keycloakUrl,
      realm: 'relais',
      clientId: 'relais-stats',
    });

    expect(decodeJwt(token).payload).toMatchObject({ azp: 'relais-progress' });
    await expect(verifier.verify(token)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN_CLIENT' });
  });
});
