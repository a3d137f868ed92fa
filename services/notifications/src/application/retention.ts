import { periodicJob, type PeriodicJob } from '@relais/host';
import { retentionCutoff, type PersonalDataKind, type RetentionRule } from '@relais/platform';
import { addDays, dayOf, monthOf } from '../domain/calendar';
import { reasonOf } from './notification-worker';
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
 * The one rule every field of a kind is kept by, as "Mes données" shows it: the purge reads it from
 * the declaration, so that what it deletes and what a person is told cannot disagree.
 */
export function retentionRuleOf(kind: PersonalDataKind): RetentionRule {
  const rules = new Set(Object.values(kind.fields).map((field) => field.retention));
  const [rule, ...others] = [...rules];
  if (rule === undefined || others.length > 0) {
    throw new Error(`notifications: the ${kind.kind} records need one retention rule, not ${rules.size}`);
  }
  return rule;
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

export const defaultRetentionIntervalMs = 3_600_000;

/**
 * The retention pass on a timer (hourly unless told), dated by the injected clock: one log line of
 * counts per pass, and a warning with the error's name only when a pass fails.
 */
export function retentionJob(
  retention: NotificationRetention,
  clock: Clock,
  log: NotificationLog,
  intervalMs: number = defaultRetentionIntervalMs,
): PeriodicJob {
  return periodicJob(
    'notifications-retention',
    async () => {
      const counts = await retention.purgeExpired(dayOf(clock.now()));
      log.info({ ...counts }, 'retention pass: records past the schedule of ADR 0032 forgotten');
    },
    intervalMs,
    (error) => log.warn({ reason: reasonOf(error) }, 'a retention pass failed; the next one tries again'),
  );
}
