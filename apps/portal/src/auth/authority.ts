/** Served by whatever hosts the portal: standalone, the local gateway, the portal image in Kubernetes. */
export const PORTAL_CONFIG_PATH = '/portal-config.json';
/** The realm on the portal's own origin: standalone's embedded provider, or Keycloak behind a proxy. */
const SAME_ORIGIN_AUTHORITY = '/realms/relais';

/**
 * The OIDC authority, read at run time so that one build signs people in wherever it is deployed
 * (standalone, `npm run start:services` with Keycloak on its own port, each Kubernetes environment's
 * auth host). A relative authority is resolved against the portal's origin; without a readable
 * configuration the realm of this origin is the one that works in standalone and behind a proxy.
 */
export async function loadOidcAuthority(origin: string): Promise<string> {
  let configured: unknown;
  try {
    const response = await fetch(new URL(PORTAL_CONFIG_PATH, origin), { cache: 'no-store' });
    if (response.ok) configured = ((await response.json()) as { oidcAuthority?: unknown }).oidcAuthority;
  } catch {
    configured = undefined;
  }
  const authority = typeof configured === 'string' && configured ? configured : SAME_ORIGIN_AUTHORITY;
  return new URL(authority, origin).href.replace(/\/+$/, '');
}
