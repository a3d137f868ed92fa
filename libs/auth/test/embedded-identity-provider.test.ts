import { request as httpRequest } from 'node:http';
import { clientCredentialsGrant, passwordGrant } from '../../testing/src/tokens';
import { serviceNames } from '@relais/host/registry';
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
/** Every service's audience, in the registry's order: the realm has one client per service. */
const API_AUDIENCE = serviceNames.map((name) => `relais-${name}`);

/** A GET with headers fetch will not forge (Host); resolves with status, headers and body. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

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

  it.each([
    ['a forged Host', { host: 'attaquant.example' }],
    [
      'X-Forwarded-Host and X-Forwarded-Proto',
      { 'x-forwarded-host': 'attaquant.example', 'x-forwarded-proto': 'https' },
    ],
  ])('publishes its configured URLs whatever %s the request carries', async (_case, headers) => {
    const response = await rawGet(`${realmUrl()}/.well-known/openid-configuration`, headers);
    const discovery = JSON.parse(response.body) as Record<string, unknown>;

    expect(discovery).toMatchObject({
      issuer: realmUrl(),
      jwks_uri: `${realmUrl()}/protocol/openid-connect/certs`,
      token_endpoint: `${realmUrl()}/protocol/openid-connect/token`,
      authorization_endpoint: `${realmUrl()}/protocol/openid-connect/auth`,
      end_session_endpoint: `${realmUrl()}/protocol/openid-connect/logout`,
    });
    expect(response.body).not.toContain('attaquant.example');
  });

  it('sends browsers to the login page at its configured URL whatever Host the request carries', async () => {
    const query = new URLSearchParams({
      client_id: 'relais-portal',
      response_type: 'code',
      redirect_uri: 'http://localhost:8080/',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const response = await rawGet(`${realmUrl()}/protocol/openid-connect/auth?${query}`, {
      host: 'attaquant.example',
    });

    expect(response.status).toBe(303);
    expect(response.location).toMatch(new RegExp(`^${realmUrl()}/login-actions/authenticate\\?uid=`));
  });

  it('refuses a public URL with a path, which would split the issuer from the served paths', () => {
    expect(() =>
      createEmbeddedIdentityProvider({
        publicBaseUrl: 'http://localhost:8080/auth',
        env: { NODE_ENV: 'test' },
      }),
    ).toThrow('publicBaseUrl must be an origin');
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

  it.each([['production'], ['staging'], [undefined]])(
    'refuses to start when NODE_ENV is %s, in one clear sentence',
    (nodeEnv) => {
      expect(() =>
        createEmbeddedIdentityProvider({
          publicBaseUrl: 'http://localhost:8080',
          env: nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv },
        }),
      ).toThrow(
        /^the embedded identity provider runs only with NODE_ENV=development or NODE_ENV=test \(got NODE_ENV/,
      );
    },
  );

  it.each([['development'], ['test']])('starts when NODE_ENV is %s', (nodeEnv) => {
    expect(
      createEmbeddedIdentityProvider({ publicBaseUrl: 'http://localhost:8080', env: { NODE_ENV: nodeEnv } })
        .issuer,
    ).toBe('http://localhost:8080/realms/relais');
  });
});
