import {
  defaultRetentionIntervalMs,
  retentionJob as scheduledRetention,
  type PeriodicJob,
} from '@relais/host';
import { retentionCutoff, retentionRuleOf, type PersonalDataKind } from '@relais/platform';
import { addDays, dayOf, monthOf } from '../domain/calendar';
import { notificationKinds } from './personal-data';
import type { Clock, NotificationLog, NotificationStore } from './ports';

/** What one pass changed, by kind: counts only, for one log line (no id, no name, no address). */
export interface PurgeCounts {
  noticesDeleted: number;
  /** Sent or refused for good; a mail still being retried is not counted here nor deleted. */
  mailsDeleted: number;
  authorSealsDeleted: number;
  /** Seals kept from before their month was recorded, dated by this pass (they expire from it). */
  authorSealsDated: number;
  /**
   * Digest entries older than the digest should have let live: the digest removes entries once it has
   * sent them, so any here means the digest is failing. Counted, not deleted: that would lose news.
   */
  digestEntriesOverdue: number;
}

/**
 * The retention schedule (ADR 0032) on the notifications' own records. The preferences and the address
 * last as long as the account, and the roster replicas as long as the membership: no day ends them, so
 * they are not purged here. Every step is a bulk write by an indexed field, so a pass that runs twice,
 * or in two replicas at once, ends in the same state.
 */
export class NotificationRetention {
  constructor(private readonly store: NotificationStore) {}

  /** `today` is a day (YYYY-MM-DD) in Europe/Paris, as the records are dated. */
  async purgeExpired(today: string): Promise<PurgeCounts> {
    const cutoffOf = (kind: PersonalDataKind) => retentionCutoff(retentionRuleOf(kind), today);
    const noticesDeleted = await this.store.deleteNoticesBefore(cutoffOf(notificationKinds.notices));
    const mailsDeleted = await this.store.deleteFinishedMailsBefore(cutoffOf(notificationKinds.mails));
    // Dated first, with this month: they are kept a full term from now, never cut short by a guess.
    const authorSealsDated = await this.store.dateUndatedSeals(monthOf(today));
    // A month says only that the seal's clock started in it: it goes once every day of it is past.
    const authorSealsDeleted = await this.store.deleteSealsBefore(
      monthOf(cutoffOf(notificationKinds.sealedAuthors)),
    );
    // An entry of a day waits for the digest of the next day (its hour may not have come yet): one a
    // day older than that has been left behind.
    const digestEntriesOverdue = await this.store.countDigestBefore(
      addDays(cutoffOf(notificationKinds.digest), -1),
    );
    return { noticesDeleted, mailsDeleted, authorSealsDeleted, authorSealsDated, digestEntriesOverdue };
  }
}

/**
 * The retention pass on the shared timer (hourly unless told), dated by the injected clock in Paris,
 * the day the notifications' records are dated by.
 */
export function retentionJob(
  retention: NotificationRetention,
  clock: Clock,
  log: NotificationLog,
  intervalMs: number = defaultRetentionIntervalMs,
): PeriodicJob {
  return scheduledRetention('notifications-retention', (today) => retention.purgeExpired(today), {
    clock: () => clock.now(),
    dayOf,
    intervalMs,
    log,
  });
}
