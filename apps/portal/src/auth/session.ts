import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { loadOidcAuthority } from './authority';

/** Where the portal returns after the provider's login page, and where silent renewal lands. */
export const CALLBACK_PATH = '/connexion/retour';
export const SILENT_RENEW_PATH = '/connexion/renouvellement';

export const ROLES = [
  'teacher',
  'trainer',
  'training-manager',
  'inspector',
  'chsct',
  'ministry',
  'ops',
] as const;
export type Role = (typeof ROLES)[number];

let manager: UserManager | undefined;

// Read once, before any page asks who is signed in: the host says where the realm is (authority.ts).
const authority = await loadOidcAuthority(window.location.origin);

/**
 * Authorization Code + PKCE against the realm `relais` the host names: the embedded provider in
 * standalone mode, Keycloak on its own address behind the local gateway or in Kubernetes. The public
 * client `relais-portal` has no secret; tokens stay in this tab's sessionStorage and go when it closes.
 */
export function userManager(): UserManager {
  if (!manager) {
    const origin = window.location.origin;
    manager = new UserManager({
      authority,
      client_id: 'relais-portal',
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      silent_redirect_uri: `${origin}${SILENT_RENEW_PATH}`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid',
      // Renewal is ours (renewSession): the library's own would race with it, and two refreshes with one
      // rotating refresh token make the provider revoke the session.
      automaticSilentRenew: false,
      accessTokenExpiringNotificationTimeInSeconds: 60,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }
  return manager;
}

let renewal: Promise<User | null> | undefined;

/**
 * Renews the session without a page change (refresh token, or the provider's session in a hidden frame),
 * once at a time whoever asks: the expiry timer, an API call with an expired token, a page load.
 * Resolves to null when the session cannot be renewed.
 */
export function renewSession(): Promise<User | null> {
  renewal ??= userManager()
    .signinSilent()
    .catch(renewThroughProviderSession)
    .finally(() => {
      renewal = undefined;
    });
  return renewal;
}

/**
 * A refused refresh token (already used when a lost answer made the browser resend the request, or
 * revoked) does not end a session the provider still holds: one more try in the hidden frame, without it.
 */
async function renewThroughProviderSession(): Promise<User | null> {
  const manager = userManager();
  const stored = await manager.getUser();
  if (!stored?.refresh_token) return null;
  stored.refresh_token = undefined;
  await manager.storeUser(stored);
  return manager.signinSilent().catch(() => null);
}

/** The current access token, renewed first when it has expired; undefined when nobody is signed in. */
export async function accessToken(): Promise<string | undefined> {
  const user = await userManager().getUser();
  if (!user) return undefined;
  if (!user.expired) return user.access_token;
  return (await renewSession())?.access_token;
}

interface AccessTokenClaims {
  realm_access?: { roles?: string[] };
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
  district?: string;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Claims of the access token, read for display and navigation only: the services verify it themselves. */
export function accessTokenClaims(user: User): AccessTokenClaims {
  const payload = user.access_token.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(base64UrlDecode(payload)) as AccessTokenClaims;
  } catch {
    return {};
  }
}

export function rolesOf(user: User): Role[] {
  const roles = accessTokenClaims(user).realm_access?.roles ?? [];
  return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

/** The inspector's district, from his token: the page asks the API for that district only. */
export function districtOf(user: User): string | undefined {
  return accessTokenClaims(user).district;
}

export function displayNameOf(user: User): string {
  const claims = accessTokenClaims(user);
  const fullName = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return fullName || claims.preferred_username || '';
}
