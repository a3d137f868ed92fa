import { createHash, randomBytes } from 'node:crypto';
import { createJwksTokenVerifier } from '../src';
import { BrowserSession, formAction, locationOf } from './support/browser-session';
import { decodeJwt } from './support/embedded-realm-server';

// A real Keycloak 26 that imported deploy/keycloak/realm-relais.json (see scripts/infra).
const keycloakUrl = process.env.KEYCLOAK_URL?.replace(/\/+$/, '');
if (!keycloakUrl) {
  throw new Error('KEYCLOAK_URL is not set: start Keycloak with deploy/keycloak/realm-relais.json imported.');
}
const openidConnect = `${keycloakUrl}/realms/relais/protocol/openid-connect`;

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizationUrl(redirectUri: string, challenge: string, method = 'S256'): string {
  return `${openidConnect}/auth?${new URLSearchParams({
    client_id: 'relais-portal',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state: 'etat-kc',
    code_challenge: challenge,
    code_challenge_method: method,
  })}`;
}

describe('the portal client of the realm file on Keycloak', () => {
  it.each([['http://localhost:8080/connexion'], ['http://127.0.0.1:8090/connexion']])(
    'signs a person in with the code flow and PKCE, redirecting to %s',
    async (redirectUri) => {
      const browser = new BrowserSession();
      const { verifier, challenge } = pkcePair();
      const loginPage = await browser.get(authorizationUrl(redirectUri, challenge));
      expect(loginPage.status).toBe(200);
      const html = await loginPage.text();
      expect(html).toMatch(/id="username"/);
      expect(html).toMatch(/id="password"/);

      const submitted = await browser.postForm(formAction(html, 'kc-form-login'), {
        username: 'teacher.g11',
        password: 'teacher.g11',
      });
      const callback = new URL(locationOf(submitted, openidConnect));
      expect(callback.origin + callback.pathname).toBe(redirectUri);

      const response = await fetch(`${openidConnect}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: 'relais-portal',
          code: callback.searchParams.get('code') ?? '',
          code_verifier: verifier,
          redirect_uri: redirectUri,
        }),
      });
      expect(response.status).toBe(200);
      const tokens = (await response.json()) as { access_token: string; refresh_token: string };
      expect(decodeJwt(tokens.access_token).payload).toMatchObject({ azp: 'relais-portal' });
      await expect(
        createJwksTokenVerifier({
          authServerUrl: keycloakUrl,
          realm: 'relais',
          clientId: 'relais-progress',
        }).verify(tokens.access_token),
      ).resolves.toMatchObject({ username: 'teacher.g11' });
    },
  );

  it('renews with the refresh token and signs out back to the portal', async () => {
    const redirectUri = 'http://127.0.0.1:8080/connexion';
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const html = await (await browser.get(authorizationUrl(redirectUri, challenge))).text();
    const submitted = await browser.postForm(formAction(html, 'kc-form-login'), {
      username: 'teacher.g10',
      password: 'teacher.g10',
    });
    const code = new URL(locationOf(submitted, openidConnect)).searchParams.get('code') ?? '';
    const token = (form: Record<string, string>) =>
      fetch(`${openidConnect}/token`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: 'relais-portal', ...form }),
      });
    const tokens = (await (
      await token({
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
      })
    ).json()) as { refresh_token: string; id_token: string };

    const renewed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(renewed.status).toBe(200);

    const signedOut = await browser.get(
      `${openidConnect}/logout?${new URLSearchParams({
        id_token_hint: tokens.id_token,
        post_logout_redirect_uri: 'http://127.0.0.1:8080/',
      })}`,
    );
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('http://127.0.0.1:8080/');
    const afterSignOut = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(afterSignOut.status).toBe(400);
  });

  it('refuses a redirect URI outside the portal’s', async () => {
    const response = await new BrowserSession().get(
      authorizationUrl('https://attaquant.example/', pkcePair().challenge),
    );

    expect(response.status).toBe(400);
  });

  it('refuses the plain PKCE method', async () => {
    const response = await new BrowserSession().get(
      authorizationUrl('http://localhost:8080/', randomBytes(32).toString('base64url'), 'plain'),
    );

    expect(new URL(locationOf(response, openidConnect)).searchParams.get('error')).toBe('invalid_request');
  });
});
