import { createHash, randomBytes } from 'node:crypto';
import { createJwksTokenVerifier } from '../src';
import { BrowserSession, formAction, hiddenInput, locationOf } from './support/browser-session';
import {
  decodeJwt,
  startEmbeddedRealmServer,
  type EmbeddedRealmServer,
} from './support/embedded-realm-server';

let idp: EmbeddedRealmServer;

beforeAll(async () => {
  idp = await startEmbeddedRealmServer({ listDemoAccounts: true });
});

afterAll(async () => {
  await idp.close();
});

const PORTAL = 'http://localhost:8080';
const REDIRECT_URI = `${PORTAL}/connexion/retour`;
const openidConnect = () => `${idp.issuer}/protocol/openid-connect`;

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizationUrl(challenge: string, overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: 'relais-portal',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email',
    state: 'etat-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
  return `${openidConnect()}/auth?${params}`;
}

/** GET auth → login page → POST credentials → back to auth → redirect with the code. */
async function signIn(browser: BrowserSession, challenge: string, username = 'teacher.01') {
  const toLogin = await browser.get(authorizationUrl(challenge));
  expect(toLogin.status).toBe(303);
  const loginUrl = locationOf(toLogin, openidConnect());
  const loginPage = await browser.get(loginUrl);
  expect(loginPage.status).toBe(200);
  const html = await loginPage.text();
  const submitted = await browser.postForm(formAction(html, 'kc-form-login'), {
    username,
    password: username,
  });
  expect(submitted.status).toBe(303);
  const backToAuth = await browser.get(locationOf(submitted, loginUrl));
  expect(backToAuth.status).toBe(303);
  return { html, callback: new URL(locationOf(backToAuth, loginUrl)) };
}

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${openidConnect()}/token`, { method: 'POST', body: new URLSearchParams(form), headers });
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  id_token: string;
  token_type: string;
  expires_in: number;
}

async function exchangeCode(code: string, verifier: string): Promise<TokenResponse> {
  const response = await tokenRequest({
    grant_type: 'authorization_code',
    client_id: 'relais-portal',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

describe('sign-in with the authorization code flow and PKCE on the embedded provider', () => {
  it('signs a teacher in: login page, code, token exchange, token accepted by the services’ verifier', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();

    const { callback } = await signIn(browser, challenge);

    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('etat-123');
    const tokens = await exchangeCode(callback.searchParams.get('code') ?? '', verifier);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(decodeJwt(tokens.access_token).payload).toMatchObject({
      iss: idp.issuer,
      azp: 'relais-portal',
      typ: 'Bearer',
      preferred_username: 'teacher.01',
      realm_access: { roles: ['teacher'] },
      school: '0690001A',
    });
    expect(decodeJwt(tokens.id_token).payload).toMatchObject({
      iss: idp.issuer,
      aud: 'relais-portal',
      sub: decodeJwt(tokens.access_token).payload.sub,
      preferred_username: 'teacher.01',
      name: expect.stringMatching(/\S+ \S+/),
    });
    const caller = await createJwksTokenVerifier({
      authServerUrl: idp.baseUrl,
      realm: 'relais',
      clientId: 'relais-feedback',
    }).verify(tokens.access_token);
    expect(caller).toMatchObject({ username: 'teacher.01', roles: ['teacher'] });
  });

  it('shows a French, labelled login form with Keycloak’s field ids, and the demo accounts to click', async () => {
    const browser = new BrowserSession();
    const loginPage = await browser.get(
      locationOf(await browser.get(authorizationUrl(pkcePair().challenge)), openidConnect()),
    );
    const html = await loginPage.text();

    expect(loginPage.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<label class="fr-label" for="username">Identifiant/);
    expect(html).toMatch(/<label class="fr-label" for="password">Mot de passe/);
    expect(html).toMatch(/<button id="kc-login"[^>]*>Se connecter<\/button>/);
    expect(html).toContain('Comptes de démonstration');
    expect(html).toMatch(/data-username="trainer\.alice">Alice Marchand \(trainer\.alice\)/);
  });

  it('signs in with one click on a demo account', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const loginUrl = locationOf(await browser.get(authorizationUrl(challenge)), openidConnect());
    const html = await (await browser.get(loginUrl)).text();
    const demoForm =
      /<form method="post" action="([^"]*)">\s*<input type="hidden" name="username" value="manager\.lyon">\s*<input type="hidden" name="password" value="([^"]*)">/.exec(
        html,
      );
    expect(demoForm).not.toBeNull();

    const submitted = await browser.postForm((demoForm?.[1] ?? '').replaceAll('&amp;', '&'), {
      username: 'manager.lyon',
      password: demoForm?.[2] ?? '',
    });
    const callback = new URL(locationOf(await browser.get(locationOf(submitted, loginUrl)), loginUrl));
    const tokens = await exchangeCode(callback.searchParams.get('code') ?? '', verifier);

    expect(decodeJwt(tokens.access_token).payload).toMatchObject({
      preferred_username: 'manager.lyon',
      realm_access: { roles: ['training-manager'] },
    });
  });

  it('does not list the demo accounts unless asked to', async () => {
    const plain = await startEmbeddedRealmServer();
    try {
      const browser = new BrowserSession();
      const auth = `${plain.issuer}/protocol/openid-connect/auth?${new URL(authorizationUrl(pkcePair().challenge)).searchParams}`;
      const html = await (await browser.get(locationOf(await browser.get(auth), auth))).text();
      expect(html).toContain('id="username"');
      expect(html).not.toContain('Comptes de démonstration');
      expect(html).not.toContain('name="password" value=');
    } finally {
      await plain.close();
    }
  });

  it('re-shows the form with a linked French error after a wrong password', async () => {
    const browser = new BrowserSession();
    const loginUrl = locationOf(await browser.get(authorizationUrl(pkcePair().challenge)), openidConnect());
    const html = await (await browser.get(loginUrl)).text();

    const refused = await browser.postForm(formAction(html, 'kc-form-login'), {
      username: 'teacher.02',
      password: 'pas-le-bon',
    });
    const page = await refused.text();

    expect(refused.status).toBe(401);
    expect(page).toContain('id="login-error"');
    expect(page).toContain('Identifiant ou mot de passe incorrect');
    expect(page).toMatch(/id="password"[^>]*aria-describedby="login-error"/);
    expect(page).toMatch(/id="username"[^>]*value="teacher\.02"/);
  });

  it('refuses a code exchange with the wrong code_verifier', async () => {
    const browser = new BrowserSession();
    const { challenge } = pkcePair();
    const { callback } = await signIn(browser, challenge);

    const response = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'relais-portal',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: pkcePair().verifier,
      redirect_uri: REDIRECT_URI,
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    const withoutPkce: Record<string, string>[] = [
      { code_challenge: '', code_challenge_method: '' },
      { code_challenge_method: 'plain' },
    ];
    for (const overrides of withoutPkce) {
      const params = new URL(authorizationUrl(pkcePair().challenge, overrides)).searchParams;
      for (const [name, value] of [...params]) if (value === '') params.delete(name);
      const response = await new BrowserSession().get(`${openidConnect()}/auth?${params}`);
      const location = response.headers.get('location') ?? '';
      expect(new URL(location).searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('never redirects to an address outside the portal’s redirect URIs', async () => {
    const response = await new BrowserSession().get(
      authorizationUrl(pkcePair().challenge, { redirect_uri: 'https://attaquant.example/vol' }),
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('<html lang="fr">');
  });

  it('answers userinfo for the access token, with the claims Keycloak puts there, from the portal’s origins', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(browser, challenge, 'inspector.d1');
    const tokens = await exchangeCode(callback.searchParams.get('code') ?? '', verifier);

    const response = await fetch(`${openidConnect()}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: 'http://127.0.0.1:8080' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(await response.json()).toEqual({
      sub: decodeJwt(tokens.access_token).payload.sub,
      preferred_username: 'inspector.d1',
      name: 'Bernard Fontaine',
      given_name: 'Bernard',
      family_name: 'Fontaine',
      email: 'inspector.d1@demo.relais.invalid',
      email_verified: true,
      academy: 'lyon',
      district: 'lyon-d1',
    });
  });

  it('refuses userinfo without a valid access token', async () => {
    const response = await fetch(`${openidConnect()}/userinfo`, {
      headers: { authorization: 'Bearer pas-un-jeton' },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('renews tokens silently with the refresh token', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(browser, challenge);
    const tokens = await exchangeCode(callback.searchParams.get('code') ?? '', verifier);

    const renewed = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'relais-portal',
      refresh_token: tokens.refresh_token,
    });

    expect(renewed.status).toBe(200);
    const body = (await renewed.json()) as TokenResponse;
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(decodeJwt(body.access_token).payload).toMatchObject({
      preferred_username: 'teacher.01',
      azp: 'relais-portal',
      aud: expect.arrayContaining(['relais-enrollment', 'relais-stats']),
    });
  });

  it('allows the portal’s web origins, and no other, to call the token endpoint from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${openidConnect()}/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('http://127.0.0.1:8080');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');

    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(browser, challenge);
    const crossOrigin = await tokenRequest(
      {
        grant_type: 'authorization_code',
        client_id: 'relais-portal',
        code: callback.searchParams.get('code') ?? '',
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
      },
      { origin: 'https://attaquant.example' },
    );
    expect(crossOrigin.status).toBe(400);
    expect(await crossOrigin.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('signs out: ends the session, redirects to the portal and revokes the refresh token', async () => {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(browser, challenge);
    const tokens = await exchangeCode(callback.searchParams.get('code') ?? '', verifier);

    const logoutUrl = `${openidConnect()}/logout?${new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: `${PORTAL}/`,
      client_id: 'relais-portal',
    })}`;
    const confirmation = await browser.get(logoutUrl);
    const html = await confirmation.text();
    expect(confirmation.status).toBe(200);
    expect(html).toContain('Voulez-vous vous déconnecter de Relais');
    const done = await browser.postForm(formAction(html, 'op.logoutForm'), {
      xsrf: hiddenInput(html, 'xsrf'),
      logout: 'yes',
    });

    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${PORTAL}/`);
    const renewal = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'relais-portal',
      refresh_token: tokens.refresh_token,
    });
    expect(renewal.status).toBe(400);
    expect(await renewal.json()).toMatchObject({ error: 'invalid_grant' });
    // Signed out for real: the next sign-in asks for the password again.
    const again = await browser.get(authorizationUrl(pkcePair().challenge));
    expect(locationOf(again, openidConnect())).toContain('/login-actions/authenticate');
  });

  it('refuses a post-logout redirect outside the portal', async () => {
    const browser = new BrowserSession();
    const response = await browser.get(
      `${openidConnect()}/logout?${new URLSearchParams({
        client_id: 'relais-portal',
        post_logout_redirect_uri: 'https://attaquant.example/',
      })}`,
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});
