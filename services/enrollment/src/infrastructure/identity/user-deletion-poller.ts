import { errorNameOf, periodicJob, type PeriodicJob } from '@relais/host';
import type { EnrollmentLog } from '../../application/ports';
import { ClientCredentialsToken } from './client-credentials-token';
import type { IdentityEventCursorStore } from './identity-event-cursor-store';
import { KeycloakAdminEvents } from './keycloak-admin-events';
import { runUserDeletionPass, type UserDeletionCounts } from './user-deletion-pass';

/** The confidential client of deploy/keycloak/realm-relais.json whose service account reads admin events. */
export const identityEventsClientId = 'relais-enrollment-identity-events';

/** Every 30 seconds: a deletion reaches erasure within a minute, for one small query when none happened. */
export const defaultUserDeletionIntervalMs = 30_000;

/** Keycloak's own default page size, and enough for the deletions of one interval. */
const defaultPageSize = 100;

/** Far longer than a Keycloak transaction takes between an event's time and its commit. */
const defaultLookbackMs = 10_000;

export interface UserDeletionPollerOptions {
  /** Keycloak's base URL, without `/realms/…` (KEYCLOAK_URL), where its admin API answers. */
  keycloakUrl: string;
  /** `relais` unless told. */
  realm?: string;
  /** `relais-enrollment-identity-events` unless told. */
  clientId?: string;
  /** That client's secret (RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET). */
  clientSecret: string;
  cursors: IdentityEventCursorStore;
  /** Called once per deleted user, oldest deletion first; the cursor moves on once it resolved. */
  onUserDeleted: (userId: string) => Promise<void>;
  /** Counts and error names only. */
  log: EnrollmentLog;
  intervalMs?: number;
  pageSize?: number;
  lookbackMs?: number;
  /** Each request to Keycloak is abandoned after this long (10 s unless told). */
  requestTimeoutMs?: number;
  /** Milliseconds since the epoch: the first start's "now" and the token's expiry (tests move it). */
  now?: () => number;
}

/**
 * Notices people deleted in Keycloak (issue 19 point 3, ADR 0033) by polling the realm's admin events,
 * and hands each deleted user's id to `onUserDeleted`, which requests his erasure. Each pass writes one
 * line of counts when it found something, and a failing pass (Keycloak away, a refused secret, a
 * malformed answer, the callback failing) a warning naming the error's type; the next pass tries again
 * from the persisted cursor (user-deletion-pass.ts).
 */
export function userDeletionPoller(options: UserDeletionPollerOptions): PeriodicJob {
  const realm = options.realm ?? 'relais';
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const keycloakUrl = options.keycloakUrl.replace(/\/+$/, '');
  const token = new ClientCredentialsToken({
    tokenUrl: `${keycloakUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`,
    clientId: options.clientId ?? identityEventsClientId,
    clientSecret: options.clientSecret,
    timeoutMs,
    now,
  });
  const source = new KeycloakAdminEvents({ keycloakUrl, realm, token, timeoutMs });
  const { log } = options;

  return periodicJob(
    'enrollment-user-deletions',
    async () => {
      const counts: UserDeletionCounts = { usersDeleted: 0, notDeletions: 0 };
      try {
        await runUserDeletionPass(
          {
            cursorName: `keycloak-admin-events/${realm}`,
            source,
            cursors: options.cursors,
            onUserDeleted: options.onUserDeleted,
            pageSize: options.pageSize ?? defaultPageSize,
            lookbackMs: options.lookbackMs ?? defaultLookbackMs,
            maxPages: 100,
            now,
          },
          counts,
        );
      } catch (error) {
        log.warn({ reason: errorNameOf(error), ...counts }, 'a pass over Keycloak’s user deletions failed');
        return;
      }
      if (counts.usersDeleted + counts.notDeletions > 0) {
        log.info({ ...counts }, 'Keycloak’s user deletions handed to erasure');
      }
    },
    options.intervalMs ?? defaultUserDeletionIntervalMs,
    (error) => log.warn({ reason: errorNameOf(error) }, 'a pass over Keycloak’s user deletions failed'),
  );
}
