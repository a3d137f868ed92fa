/** Ready only if the realm's signing keys can be fetched: without them no request can be served. */
export function identityProviderReadiness(keycloakUrl: string, realm: string) {
  const certs = `${keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/certs`;
  return {
    name: 'identity-provider',
    async check() {
      const response = await fetch(certs, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`keys answered ${response.status}`);
    },
  };
}
