import { createHash, randomBytes } from 'node:crypto';
import { BrowserSession, formAction, locationOf } from './support/browser-session';
import { startEmbeddedRealmServer, type EmbeddedRealmServer } from './support/embedded-realm-server';

/**
 * The embedded provider's pages load under standalone's Content-Security-Policy (`script-src 'self'`):
 * no inline script, and every file they name is served (a 404 is a broken page and a console error).
 */
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

function authorizationUrl(): { url: string; verifier: string } {
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    client_id: 'relais-portal',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return { url: `${openidConnect()}/auth?${params}`, verifier };
}

async function loginPage(browser: BrowserSession): Promise<{ url: string; html: string }> {
  const url = locationOf(await browser.get(authorizationUrl().url), openidConnect());
  const response = await browser.get(url);
  expect(response.status).toBe(200);
  return { url, html: await response.text() };
}

/** Signs teacher.01 in and asks to sign out as the portal does, with the id token as hint. */
async function logoutPage(
  browser: BrowserSession,
  withHint: boolean,
): Promise<{ url: string; html: string }> {
  const { url: authorize, verifier } = authorizationUrl();
  const login = locationOf(await browser.get(authorize), openidConnect());
  const loginHtml = await (await browser.get(login)).text();
  const submitted = await browser.postForm(formAction(loginHtml, 'kc-form-login'), {
    username: 'teacher.01',
    password: 'teacher.01',
  });
  const callback = new URL(locationOf(await browser.get(locationOf(submitted, login)), login));
  const tokens = (await (
    await fetch(`${openidConnect()}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'relais-portal',
        code: callback.searchParams.get('code') ?? '',
        code_verifier: verifier,
        redirect_uri: REDIRECT_URI,
      }),
    })
  ).json()) as { id_token: string };
  const url = `${openidConnect()}/logout?${new URLSearchParams({
    client_id: 'relais-portal',
    post_logout_redirect_uri: `${PORTAL}/`,
    ...(withHint ? { id_token_hint: tokens.id_token } : {}),
  })}`;
  const response = await browser.get(url);
  expect(response.status).toBe(200);
  return { url, html: await response.text() };
}

/** Every URL a browser fetches on its own while showing the page: src and href, except in-page anchors. */
function referencedUrls(html: string, pageUrl: string): string[] {
  return [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)]
    .map(([, reference = '']) => reference.replaceAll('&amp;', '&'))
    .filter((reference) => !reference.startsWith('#'))
    .map((reference) => new URL(reference, pageUrl).href);
}

const scriptTags = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

describe('the embedded provider’s pages under script-src self', () => {
  it('confirms the portal’s sign-out with a script file, not an inline script, and keeps the button', async () => {
    const { url, html } = await logoutPage(new BrowserSession(), true);

    const scripts = scriptTags(html);
    expect(scripts).toHaveLength(1);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/\bsrc="[^"]+"/);
    }
    const src = /\bsrc="([^"]+)"/.exec(scripts[0]?.[1] ?? '')?.[1] ?? '';
    const script = await fetch(new URL(src, url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toMatch(/no-store|max-age=([0-9]{1,3})\b/);
    const code = await script.text();
    expect(code).toContain("getElementById('op.logoutForm')");
    expect(code).toMatch(/name = 'logout'[\s\S]*value = 'yes'[\s\S]*\.submit\(\)/);
    expect(html).toMatch(
      /<button id="kc-logout"[^>]*form="op\.logoutForm" name="logout" value="yes">Se déconnecter<\/button>/,
    );
  });

  it('loads no script on a sign-out nobody proved: the person confirms with the button', async () => {
    const { html } = await logoutPage(new BrowserSession(), false);

    expect(scriptTags(html)).toHaveLength(0);
    expect(html).toContain('id="kc-logout"');
  });

  it('names its own icon, so that browsers do not ask the origin for a /favicon.ico nobody serves', async () => {
    const { url, html } = await loginPage(new BrowserSession());

    const icon = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBeDefined();
    const response = await fetch(new URL(icon ?? '', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await response.text()).toMatch(/^<svg /);
  });

  it('answers 200 for every URL the login, sign-out and message pages reference', async () => {
    const browser = new BrowserSession();
    const login = await loginPage(browser);
    const withHint = await logoutPage(new BrowserSession(), true);
    const withoutHint = await logoutPage(new BrowserSession(), false);
    const expired = `${idp.issuer}/login-actions/authenticate?uid=inconnu`;
    // Without the interaction's cookie: the sign-in has expired.
    const expiredResponse = await fetch(expired);
    expect(expiredResponse.status).toBe(400);
    const pages = [login, withHint, withoutHint, { url: expired, html: await expiredResponse.text() }];

    const urls = new Set(pages.flatMap(({ url, html }) => referencedUrls(html, url)));
    expect(urls.size).toBeGreaterThanOrEqual(2);
    for (const reference of urls) {
      const response = await fetch(reference);
      expect({ reference, status: response.status }).toEqual({ reference, status: 200 });
    }
  });
});
