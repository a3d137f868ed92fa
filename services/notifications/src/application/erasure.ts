import type { RosterStore } from '@relais/roster';
import type { PersonalDataCollector } from './personal-data';
import type { NotificationStore } from './ports';

/** What one erasure removed, by kind: counts only, never an id (they may be logged). */
export interface ErasureCounts {
  /** Roster replicas that named him, as trainer or participant, and no longer do. */
  rostersLeft: number;
  /** Seals of feedback items that opened to him (the items themselves are feedback's). */
  authorSealsDeleted: number;
  noticesDeleted: number;
  preferencesDeleted: number;
  addressesDeleted: number;
  digestEntriesDeleted: number;
  /** Pending, sent and refused mails to him alike. */
  mailsDeleted: number;
}

/**
 * Forgets a person (issue 19, point 3; ADR 0033): every kind of record the personal-data declaration
 * lists for him is deleted, none is anonymised. Nothing here names anyone but its recipient: a notice,
 * a digest entry or a mail is his own, never about an author or a sender (ADR 0030), so other people's
 * notices and mails stay as they are, and his anonymous feedback, which this service never held, is
 * untouched. What could link him to his items is the seals: they are found by the scan his `/me/data`
 * uses (each one opened in memory) and deleted.
 *
 * Idempotent, and a person unknown here gives zero counts. It first stops new records coming (the
 * roster replica, which addresses trainers' and reminders' notices, and the seals, which address
 * replies' and statuses'), then deletes what is kept under his id; an event handled meanwhile may
 * still write a notice or queue a mail for him, which the next call deletes. A mail already taken by
 * the dispatcher may still leave while it is deleted; it does not come back into the queue.
 */
export class ErasureUseCases {
  constructor(
    private readonly store: NotificationStore,
    private readonly rosters: RosterStore,
    private readonly personalData: PersonalDataCollector,
  ) {}

  async forgetPerson(userId: string): Promise<ErasureCounts> {
    const rostersLeft = await this.rosters.forgetPerson(userId);
    const sealed = await this.personalData.sealedItemsOf(userId);
    const authorSealsDeleted = await this.store.deleteSeals(sealed.map(({ itemId }) => itemId));
    const held = await this.store.deleteHeldAbout(userId);
    return {
      rostersLeft,
      authorSealsDeleted,
      noticesDeleted: held.notices,
      preferencesDeleted: held.preferences,
      addressesDeleted: held.addresses,
      digestEntriesDeleted: held.digestEntries,
      mailsDeleted: held.mails,
    };
  }
}
