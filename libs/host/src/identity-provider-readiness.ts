/**
 * Whether the realm's signing keys can be fetched. Without them a token signed by a key the service has
 * not seen yet cannot be verified; tokens signed by the keys already fetched still are.
 */
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
