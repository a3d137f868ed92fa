import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { passwordGrant } from './tokens';

export const demoRealmFile = fileURLToPath(
  new URL('../../../deploy/keycloak/realm-relais.json', import.meta.url),
);

const demoUsers = (
  JSON.parse(readFileSync(demoRealmFile, 'utf8')) as { users: { id: string; username: string }[] }
).users;

/** The subject (`sub`) of a demo user: the realm file fixes the ids, for Keycloak and the embedded provider. */
export function userIdOf(username: string): string {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.id;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read whatever the API answered; the contract is asserted, not assumed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RelaisClient {
  apiUrl: string;
  token(username: string): Promise<string>;
  /** Calls the API as a demo user (password grant), or anonymously when `username` is undefined. */
  call(username: string | undefined, method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

/** A client of Relais as any deployment exposes it: APIs under /api/<service>, tokens from the realm. */
export function relaisClient({ apiUrl, identityUrl }: { apiUrl: string; identityUrl: string }): RelaisClient {
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const fresh = await passwordGrant({ baseUrl: identityUrl, username });
    tokens.set(username, fresh);
    return fresh;
  };
  return {
    apiUrl,
    token,
    async call(username, method, path, body) {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
  };
}

/** Polls until `probe` returns a value: for effects that travel through the outbox and the bus. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The statistical month of now, as services compute it (Europe/Paris). */
export function currentMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}
