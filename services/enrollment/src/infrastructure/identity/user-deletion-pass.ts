import type { IdentityEventCursor, IdentityEventCursorStore } from './identity-event-cursor-store';
import type { UserDeletionSource } from './keycloak-admin-events';
import type { AdminEventSeen } from './user-deletion-events';

/** What one pass did: numbers for one log line, never an id. */
export interface UserDeletionCounts {
  /** Deletions handed to the callback, which resolved. */
  usersDeleted: number;
  /** Events read that are not, for sure, a user's deletion (user-deletion-events.ts): passed over. */
  notDeletions: number;
}

export interface UserDeletionPassOptions {
  /** The cursor's name in the store: one per realm followed. */
  cursorName: string;
  source: UserDeletionSource;
  cursors: IdentityEventCursorStore;
  onUserDeleted: (userId: string) => Promise<void>;
  pageSize: number;
  /** Events this much older than the latest handled are read again, in case they were stored late. */
  lookbackMs: number;
  /** Pages read at most in one pass; the next pass goes on from the cursor. */
  maxPages: number;
  now: () => number;
}

/**
 * One pass over Keycloak's user deletions since the cursor, oldest first. The cursor is saved after
 * each callback resolved, and only then: a callback that fails ends the pass with the cursor before
 * that event, which the next pass reads again (never skipped, nor those after it, which keeps the
 * order); a crash between the callback and the save calls the callback again for that one event on
 * the next start, no more (the callback is idempotent).
 *
 * Each pass reads again from `lookbackMs` before the latest event handled: events of the same
 * millisecond as it, and those a slower Keycloak transaction stored after it, are read again and
 * recognised by their ids, which the cursor keeps for that window.
 */
export async function runUserDeletionPass(
  options: UserDeletionPassOptions,
  counts: UserDeletionCounts,
): Promise<void> {
  const { cursorName, source, cursors, pageSize, lookbackMs } = options;
  const stored = await cursors.read(cursorName);
  let cursor: IdentityEventCursor = stored ?? { time: options.now(), handled: [] };
  let revision = stored?.revision;
  if (revision === undefined) {
    // First start: from now. Deletions made before Relais listened are not its business (people
    // deleted then are erased, if they ever used Relais, through the ops route of ADR 0033). Saved
    // at once, so that a restart before the first deletion does not move "now" past those in between.
    if (!(await cursors.save(cursorName, cursor, undefined))) return;
    revision = 1;
  }

  const handled = new Set(cursor.handled.map((event) => event.id));
  const from = cursor.time - lookbackMs;
  for (let page = 0, first = 0; page < options.maxPages; page += 1) {
    const events = await source.userDeletions({ from, first, max: pageSize });
    for (const event of oldestFirst(events)) {
      if (handled.has(event.id)) continue;
      if (event.deletedUserId === undefined) {
        counts.notDeletions += 1;
      } else {
        await options.onUserDeleted(event.deletedUserId);
        counts.usersDeleted += 1;
      }
      const next = advanced(cursor, event, lookbackMs);
      // Another process of enrollment saved since: it is ahead, and this one stops here.
      if (!(await cursors.save(cursorName, next, revision))) return;
      cursor = next;
      revision += 1;
      handled.add(event.id);
    }
    if (events.length < pageSize) return;
    first += events.length;
  }
}

/** Keycloak sorts by time when asked; a stable sort here keeps the order if a page were not. */
function oldestFirst(events: readonly AdminEventSeen[]): AdminEventSeen[] {
  return [...events].sort((a, b) => a.time - b.time);
}

/** The cursor once `event` is handled: ids older than the lookback are no longer read again. */
function advanced(
  cursor: IdentityEventCursor,
  event: AdminEventSeen,
  lookbackMs: number,
): IdentityEventCursor {
  const time = Math.max(cursor.time, event.time);
  return {
    time,
    handled: [...cursor.handled, { id: event.id, time: event.time }].filter(
      (handled) => handled.time >= time - lookbackMs,
    ),
  };
}
