import { expect, type APIRequestContext } from '@playwright/test';

/**
 * Test setup through the API, as the demo realm's users (password grant: tests and demo only). The
 * journeys themselves go through the browser; this only creates what a journey needs to start from.
 */
export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/realms/relais/protocol/openid-connect/token', {
    form: { grant_type: 'password', client_id: 'relais-portal', username, password: username },
  });
  expect(response.ok(), `token for ${username}: ${response.status()}`).toBe(true);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

// Services learn about courses and enrolments through events: right after a write, another service may
// not know it yet and answer 403/404 for a few milliseconds.
const SETTLING_STATUSES = new Set([403, 404]);
const SETTLING_MS = 5_000;

export async function callApi<T>(
  request: APIRequestContext,
  username: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const token = await tokenFor(request, username);
  const deadline = Date.now() + SETTLING_MS;
  for (;;) {
    const response = await request.fetch(path, {
      method,
      headers: { Authorization: `Bearer ${token}` },
      ...(data === undefined ? {} : { data }),
    });
    if (SETTLING_STATUSES.has(response.status()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const text = await response.text();
    expect(response.ok(), `${method} ${path} as ${username}: ${response.status()} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** A title no other test or demo course has, so a search finds exactly this one. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
