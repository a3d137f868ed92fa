import { RETENTION, type RetentionRule } from './retention';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first day (YYYY-MM-DD) still kept under `rule` on `today`: what started (a course closed, a
 * notice sent) before it is past its retention. Calendar months, clamped to the month's last day
 * (31 March minus one month is 28 or 29 February), in UTC like every day Relais stores.
 */
export function retentionCutoff(rule: RetentionRule, today: string): string {
  const match = DAY.exec(today);
  if (!match) throw new Error(`retentionCutoff: "${today}" is not a day (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const months = RETENTION[rule].months;
  const firstOfTarget = new Date(Date.UTC(year, month - months, 1));
  const lastDayOfTarget = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDayOfTarget));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** Today in UTC as YYYY-MM-DD, from an injected clock so that tests choose the day. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
