// Access tokens for tests, from Keycloak or the embedded identity provider alike (same paths, same answers).

export interface PasswordGrantRequest {
  /** Identity provider base URL, without `/realms/...`, e.g. http://127.0.0.1:8180. */
  readonly baseUrl: string;
  readonly realm?: string;
  readonly username: string;
  /** Demo realm users have their username as password. */
  readonly password?: string;
  readonly clientId?: string;
}

export interface ClientCredentialsGrantRequest {
  readonly baseUrl: string;
  readonly realm?: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Logs a user in with Keycloak's direct access grant and returns the access token. */
export async function passwordGrant({
  baseUrl,
  realm = 'relais',
  username,
  password = username,
  clientId = 'relais-portal',
}: PasswordGrantRequest): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password });
  return requestAccessToken(tokenEndpoint(baseUrl, realm), form, {}, `password grant for client ${clientId}`);
}

/** Obtains a service account's access token with client_credentials (HTTP Basic client authentication). */
export async function clientCredentialsGrant({
  baseUrl,
  realm = 'relais',
  clientId,
  clientSecret,
}: ClientCredentialsGrantRequest): Promise<string> {
  const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  return requestAccessToken(
    tokenEndpoint(baseUrl, realm),
    form,
    { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
    `client_credentials grant for client ${clientId}`,
  );
}

function tokenEndpoint(baseUrl: string, realm: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;
}

async function requestAccessToken(
  url: string,
  form: URLSearchParams,
  headers: Record<string, string>,
  what: string,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: form, headers });
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new Error(`${what} failed: cannot reach ${url} (${reason})`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok || typeof fields.access_token !== 'string') {
    // Only the status and the OAuth error code: never the password, the secret or a token.
    const code = typeof fields.error === 'string' ? fields.error : 'no error code';
    throw new Error(`${what} failed: HTTP ${response.status} (${code}) from ${url}`);
  }
  return fields.access_token;
}
