/**
 * A demo account's access token from the embedded provider, by the direct password grant the demo
 * realm allows (its users' passwords are their usernames). The seed signs in as the people it plays;
 * the standalone's own helper, so that the running program never loads the test helpers (issue 18).
 */
export async function demoAccessToken(baseUrl: string, username: string): Promise<string> {
  const url = `${baseUrl}/realms/relais/protocol/openid-connect/token`;
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: 'relais-portal',
    username,
    password: username,
  });
  const response = await fetch(url, { method: 'POST', body: form });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.access_token !== 'string') {
    // The status and the OAuth error code only: never the password or a token.
    const code = typeof body.error === 'string' ? body.error : 'no error code';
    throw new Error(`demo sign-in of ${username} failed: HTTP ${response.status} (${code}) from ${url}`);
  }
  return body.access_token;
}
