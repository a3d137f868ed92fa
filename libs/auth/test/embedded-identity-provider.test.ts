import { clientCredentialsGrant, passwordGrant } from '../../testing/src/tokens';
import { createEmbeddedIdentityProvider } from '../src/embedded';
import {
  decodeJwt,
  startEmbeddedRealmServer,
  type EmbeddedRealmServer,
} from './support/embedded-realm-server';

let idp: EmbeddedRealmServer;

beforeAll(async () => {
  idp = await startEmbeddedRealmServer();
});

afterAll(async () => {
  await idp.close();
});

const realmUrl = () => `${idp.baseUrl}/realms/relais`;
const API_AUDIENCE = ['relais-enrollment', 'relais-progress', 'relais-feedback', 'relais-stats'];

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${realmUrl()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers,
  });
}

describe('embedded identity provider', () => {
  it('has the issuer Keycloak would have: <publicBaseUrl>/realms/relais', () => {
    expect(idp.issuer).toBe(realmUrl());
  });

  it('issues, by password grant, an RS256 access token with the shape of a Keycloak one', async () => {
    const { header, payload } = decodeJwt(
      await passwordGrant({ baseUrl: idp.baseUrl, username: 'inspector.d2' }),
    );

    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    expect(payload).toEqual(
      expect.objectContaining({
        typ: 'Bearer',
        iss: realmUrl(),
        sub: '757f9061-ed35-506e-8c9a-cbd26b93d099', // the id of inspector.d2 in the realm file
        aud: API_AUDIENCE,
        azp: 'relais-portal',
        jti: expect.any(String),
        scope: expect.stringContaining('profile'),
        realm_access: { roles: ['inspector'] },
        preferred_username: 'inspector.d2',
        given_name: 'Nadia',
        family_name: 'Benali',
        name: 'Nadia Benali',
        email: 'inspector.d2@demo.relais.invalid',
        academy: 'lyon',
        district: 'lyon-d2',
      }),
    );
    expect(payload).not.toHaveProperty('school');
    expect(Number(payload.exp) - Number(payload.iat)).toBe(300);
  });

  it('answers a password grant like Keycloak does', async () => {
    const response = await tokenRequest({
      grant_type: 'password',
      client_id: 'relais-portal',
      username: 'teacher.g01',
      password: 'teacher.g01',
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      expect.objectContaining({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 300 }),
    );
  });

  it.each([
    ['a wrong password', 'teacher.01', 'teacher.02'],
    ['an unknown user', 'nobody.here', 'nobody.here'],
  ])('refuses %s with 401 invalid_grant', async (_case, username, password) => {
    const response = await tokenRequest({
      grant_type: 'password',
      client_id: 'relais-portal',
      username,
      password,
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid user credentials',
    });
  });

  it('refuses the password grant to a client without direct access grants', async () => {
    const response = await tokenRequest(
      { grant_type: 'password', username: 'teacher.01', password: 'teacher.01' },
      { authorization: `Basic ${Buffer.from('relais-stats:demo-stats-secret').toString('base64')}` },
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });

  it('issues a service account token by client_credentials to a confidential client', async () => {
    const token = await clientCredentialsGrant({
      baseUrl: idp.baseUrl,
      clientId: 'relais-feedback',
      clientSecret: 'demo-feedback-secret',
    });

    expect(decodeJwt(token).payload).toEqual(
      expect.objectContaining({
        typ: 'Bearer',
        iss: realmUrl(),
        aud: API_AUDIENCE,
        azp: 'relais-feedback',
        sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
        preferred_username: 'service-account-relais-feedback',
      }),
    );
  });

  it('refuses client_credentials with a wrong secret', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from('relais-feedback:not-the-secret').toString('base64')}` },
    );

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it("publishes discovery with Keycloak's endpoint paths", async () => {
    const response = await fetch(`${realmUrl()}/.well-known/openid-configuration`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: realmUrl(),
      token_endpoint: `${realmUrl()}/protocol/openid-connect/token`,
      jwks_uri: `${realmUrl()}/protocol/openid-connect/certs`,
      authorization_endpoint: `${realmUrl()}/protocol/openid-connect/auth`,
      userinfo_endpoint: `${realmUrl()}/protocol/openid-connect/userinfo`,
    });
  });

  it('publishes the public signing key, and only public key material, at the certs endpoint', async () => {
    const { header } = decodeJwt(await passwordGrant({ baseUrl: idp.baseUrl, username: 'ops.admin' }));
    const response = await fetch(`${realmUrl()}/protocol/openid-connect/certs`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };

    expect(keys).toEqual([
      expect.objectContaining({ kty: 'RSA', kid: header.kid, alg: 'RS256', use: 'sig' }),
    ]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it("serves Keycloak's realm info at /realms/relais", async () => {
    const response = await fetch(realmUrl());

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      realm: 'relais',
      public_key: expect.stringMatching(/^MII[A-Za-z0-9+/=]+$/),
      'token-service': `${realmUrl()}/protocol/openid-connect`,
      'account-service': `${realmUrl()}/account`,
      'tokens-not-before': 0,
    });
  });

  it('refuses to start when NODE_ENV=production', () => {
    expect(() =>
      createEmbeddedIdentityProvider({
        publicBaseUrl: 'http://localhost:8080',
        env: { NODE_ENV: 'production' },
      }),
    ).toThrow('the embedded identity provider is for standalone mode and tests only');
  });
});
