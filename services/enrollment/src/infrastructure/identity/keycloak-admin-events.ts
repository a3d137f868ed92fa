import type { ClientCredentialsToken } from './client-credentials-token';
import { callKeycloak, failureOf, jsonOf, type KeycloakAnswer } from './keycloak-call';
import { KeycloakRefused } from './keycloak-errors';
import { adminEventsOf, type AdminEventSeen } from './user-deletion-events';

export interface AdminEventsPage {
  /** Events at or after this time (milliseconds since the epoch, inclusive), oldest first. */
  from: number;
  /** How many of them to pass over: the events of the pages before. */
  first: number;
  max: number;
}

/** Where the poller reads user deletions: Keycloak's admin API, or a test's list. */
export interface UserDeletionSource {
  userDeletions(page: AdminEventsPage): Promise<AdminEventSeen[]>;
}

export interface KeycloakAdminEventsOptions {
  /** Keycloak's base URL, without `/realms/…`. */
  keycloakUrl: string;
  realm: string;
  token: ClientCredentialsToken;
  timeoutMs: number;
}

/**
 * User deletions from Keycloak's admin events API (Keycloak 26: `resourceTypes`, `operationTypes`,
 * `dateFrom` in epoch milliseconds, `direction`, `first`, `max`), read by the service account of a
 * client that holds realm-management's `view-events` and nothing else.
 */
export class KeycloakAdminEvents implements UserDeletionSource {
  private readonly eventsUrl: string;

  constructor(private readonly options: KeycloakAdminEventsOptions) {
    const base = options.keycloakUrl.replace(/\/+$/, '');
    this.eventsUrl = `${base}/admin/realms/${encodeURIComponent(options.realm)}/admin-events`;
  }

  async userDeletions({ from, first, max }: AdminEventsPage): Promise<AdminEventSeen[]> {
    const query = new URLSearchParams({
      resourceTypes: 'USER',
      operationTypes: 'DELETE',
      dateFrom: String(Math.max(0, Math.floor(from))),
      direction: 'asc',
      first: String(first),
      max: String(max),
    });
    const url = `${this.eventsUrl}?${query}`;
    let answer = await this.get(url);
    if (answer.status === 401) {
      // A token Keycloak no longer knows (it restarted, or the session was revoked) before it expired.
      this.options.token.forget();
      answer = await this.get(url);
    }
    if (answer.status === 401 || answer.status === 403) {
      throw new KeycloakRefused(
        `admin events: Keycloak answered HTTP ${answer.status}; the client needs realm-management's view-events`,
      );
    }
    if (answer.status !== 200) throw failureOf(answer, 'admin events');
    return adminEventsOf(jsonOf(answer, 'admin events'));
  }

  private async get(url: string): Promise<KeycloakAnswer> {
    const token = await this.options.token.get();
    return callKeycloak(
      url,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
      this.options.timeoutMs,
    );
  }
}
