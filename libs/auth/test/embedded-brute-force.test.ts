import { loadRealm } from '../src/embedded';
import { createBruteForceGuard } from '../src/embedded/brute-force-guard';
import { BrowserSession, formAction, locationOf } from './support/browser-session';
import { startEmbeddedRealmServer, type EmbeddedRealmServer } from './support/embedded-realm-server';

// The demo realm's policy (deploy/keycloak/realm-relais.json): 5 failures lock for 60 s more each time, 900 s at most.
const policy = loadRealm(
  new URL('../../../deploy/keycloak/realm-relais.json', import.meta.url).pathname,
).bruteForce;

let clock = 0;
let idp: EmbeddedRealmServer;

beforeEach(async () => {
  clock = Date.parse('2026-12-07T09:00:00Z');
  idp = await startEmbeddedRealmServer({ now: () => clock });
});

afterEach(async () => {
  await idp.close();
});

const passwordGrant = (username: string, password: string) =>
  fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'relais-portal', username, password }),
  });

async function failTimes(username: string, times: number): Promise<Response[]> {
  const responses: Response[] = [];
  for (let attempt = 0; attempt < times; attempt += 1) {
    responses.push(await passwordGrant(username, `mauvais-${attempt}`));
  }
  return responses;
}

describe('brute-force protection of the embedded provider', () => {
  it('reads the realm file’s policy: temporary lockout with a growing wait', () => {
    expect(policy).toEqual({
      enabled: true,
      failureFactor: 5,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
      maxDeltaTimeSeconds: 43200,
    });
  });

  it('answers 429 problem+json with Retry-After from the 5th wrong password, then refuses even the right one', async () => {
    const responses = await failTimes('teacher.11', 5);

    expect(responses.slice(0, 4).map((response) => response.status)).toEqual([401, 401, 401, 401]);
    const locked = responses[4] as Response;
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect(locked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await locked.json()).toEqual({
      type: 'https://relais.example/problems/sign-in-temporarily-locked',
      title: 'Sign-in temporarily locked',
      status: 429,
      code: 'SIGN_IN_TEMPORARILY_LOCKED',
      detail: expect.stringContaining('try again in 60 seconds'),
      error: 'invalid_grant',
      error_description: expect.stringContaining('try again in 60 seconds'),
      retryAfterSeconds: 60,
    });

    clock += 30_000;
    const rightPassword = await passwordGrant('teacher.11', 'teacher.11');
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.headers.get('retry-after')).toBe('30');
  });

  it('lets the right password in once the wait is over, and the lockout is never permanent', async () => {
    await failTimes('teacher.12', 5);
    clock += 60_001;

    expect((await passwordGrant('teacher.12', 'teacher.12')).status).toBe(200);
  });

  it('makes the wait grow with each further series of failures, up to the maximum', async () => {
    await failTimes('teacher.13', 5);
    clock += 60_001;
    const second = await failTimes('teacher.13', 5);
    expect(second[4]?.headers.get('retry-after')).toBe('120');

    const guard = createBruteForceGuard(policy, () => clock);
    for (let failure = 0; failure < 5 * 40; failure += 1) guard.recordFailure('someone', '192.0.2.1');
    expect(guard.retryAfterSeconds('someone', '192.0.2.2')).toBe(900);
  });

  it('does not lock other accounts because one is attacked', async () => {
    await failTimes('teacher.14', 5);

    expect((await passwordGrant('teacher.15', 'teacher.15')).status).toBe(200);
  });

  it('slows down one client address guessing across many accounts', async () => {
    const usernames = Array.from(
      { length: 20 },
      (_unused, n) => `teacher.${String(n + 20).padStart(2, '0')}`,
    );
    for (const username of usernames) await passwordGrant(username, 'mauvais');

    const fresh = await passwordGrant('teacher.40', 'teacher.40');
    expect(fresh.status).toBe(429);
    expect(await fresh.json()).toMatchObject({ code: 'SIGN_IN_TEMPORARILY_LOCKED' });
  });

  it('counts the connection’s address, whatever X-Forwarded-For the client writes, even behind TLS', async () => {
    const behindProxy = await startEmbeddedRealmServer({
      publicBaseUrl: 'https://auth.relais.example',
      now: () => clock,
    });
    try {
      const attempt = (username: string, password: string, n: number) =>
        fetch(`${behindProxy.baseUrl}/realms/relais/protocol/openid-connect/token`, {
          method: 'POST',
          headers: { 'x-forwarded-for': `198.51.100.${n}` },
          body: new URLSearchParams({
            grant_type: 'password',
            client_id: 'relais-portal',
            username,
            password,
          }),
        });
      for (let n = 0; n < 20; n += 1) {
        await attempt(`teacher.${String(n + 20).padStart(2, '0')}`, 'mauvais', n);
      }

      expect((await attempt('teacher.40', 'teacher.40', 99)).status).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });

  it('counts login form failures too, and says so in French with 429 and Retry-After', async () => {
    const browser = new BrowserSession();
    const auth = `${idp.issuer}/protocol/openid-connect/auth?${new URLSearchParams({
      client_id: 'relais-portal',
      response_type: 'code',
      redirect_uri: 'http://localhost:8080/',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    })}`;
    const html = await (await browser.get(locationOf(await browser.get(auth), auth))).text();
    const action = formAction(html, 'kc-form-login');
    await failTimes('teacher.16', 4);

    const refused = await browser.postForm(action, { username: 'teacher.16', password: 'toujours-faux' });
    const page = await refused.text();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(page).toContain('Trop de tentatives de connexion ont échoué');
    expect(page).toContain('Réessayez dans 1 minute.');
    expect(page).toMatch(/id="password"[^>]*aria-describedby="login-error"/);

    const rightPassword = await browser.postForm(action, { username: 'teacher.16', password: 'teacher.16' });
    expect(rightPassword.status).toBe(429);
  });
});
