import { KeycloakAnswerMalformed } from './keycloak-errors';

/** One admin event of Keycloak's answer, as the poller needs it. */
export interface AdminEventSeen {
  /** Keycloak's id of the event: what tells the same event read twice. */
  id: string;
  /** Milliseconds since the epoch, by Keycloak's clock. */
  time: number;
  /** The deleted user's id; undefined when the event is not, for sure, the deletion of a user. */
  deletedUserId?: string;
}

// `users/<id>` and nothing after it: `users/<id>/role-mappings/…` is about a user, not his deletion.
const deletedUserPath = /^users\/([^/?#\s]{1,255})$/;

/**
 * Reads one page of `GET /admin/realms/{realm}/admin-events` (Keycloak's AdminEventRepresentation).
 *
 * A malformed answer is refused whole (KeycloakAnswerMalformed): not a list, or an entry without a
 * string `id` and an integer `time`, which the poller needs to order and to recognise events. Nothing
 * of it is used and the cursor stays, so the pass fails loudly and the next one reads it again,
 * rather than skipping, unnoticed, a deletion hidden in it.
 *
 * A well-formed event that is not for sure a user's deletion (another operation or resource type, an
 * `error` set by a failed operation, a path other than `users/<id>`) is read but names no one:
 * erasure cannot be undone, so an event that might concern a person still in Keycloak never
 * triggers it. The poller counts such events; the query asks Keycloak for user deletions only.
 */
export function adminEventsOf(body: unknown): AdminEventSeen[] {
  if (!Array.isArray(body)) throw new KeycloakAnswerMalformed('admin events: the answer is not a list');
  return body.map((entry: unknown) => {
    const event = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { id, time } = event;
    if (typeof id !== 'string' || id === '' || !Number.isSafeInteger(time) || (time as number) < 0) {
      throw new KeycloakAnswerMalformed('admin events: an event without an id and a time');
    }
    const deletedUserId = deletedUserOf(event);
    return { id, time: time as number, ...(deletedUserId === undefined ? {} : { deletedUserId }) };
  });
}

function deletedUserOf(event: Record<string, unknown>): string | undefined {
  if (event['operationType'] !== 'DELETE' || event['resourceType'] !== 'USER') return undefined;
  if (event['error'] !== undefined && event['error'] !== null) return undefined;
  const path = event['resourcePath'];
  return typeof path === 'string' ? deletedUserPath.exec(path)?.[1] : undefined;
}
