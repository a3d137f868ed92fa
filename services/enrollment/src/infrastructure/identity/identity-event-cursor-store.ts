/** An admin event already handed to the callback: re-read within the lookback, it is skipped. */
export interface HandledAdminEvent {
  /** Keycloak's id of the admin event (not of a person). */
  id: string;
  /** When it happened, in milliseconds since the epoch, by Keycloak's clock. */
  time: number;
}

/**
 * How far the poller of Keycloak's admin events has come: the time of the latest event it handled,
 * and the events handled close enough to that time to be read again (events of the same
 * millisecond, and those a slow transaction stored late). Names no person: ids of admin events only.
 */
export interface IdentityEventCursor {
  time: number;
  handled: HandledAdminEvent[];
}

export interface StoredIdentityEventCursor extends IdentityEventCursor {
  /** 1 for the first save, one more for each save after: what `save` compares with. */
  revision: number;
}

/**
 * Where the poller keeps its cursor between passes and across restarts: a crash then loses no
 * deletion. Each process of enrollment polls; a save that finds another process saved since is
 * refused, so the cursor never goes back and the slower process stops its pass.
 */
export interface IdentityEventCursorStore {
  read(name: string): Promise<StoredIdentityEventCursor | undefined>;
  /**
   * Stores `next` as revision `previous + 1`, or as revision 1 when `previous` is undefined and
   * nothing is stored under that name yet; false, storing nothing, when the stored revision is not
   * `previous` (another process saved).
   */
  save(name: string, next: IdentityEventCursor, previous: number | undefined): Promise<boolean>;
}
