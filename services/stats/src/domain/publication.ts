import { longestRangeInMonths, monthsOfQuarter, quarterOf } from './period';

/**
 * When a period's tables are published (docs/design.md §7, ADR 0014): once, `settlingDays` after the period
 * closes, so that facts still in flight when it closed are counted, and never again. Dates are days
 * of the French administrative calendar (Europe/Paris), like the months facts are counted in.
 *
 * The ministry's months are published with their quarter: a quarter and its months are one family,
 * protected together (ADR 0011), and publishing a month before its quarter closed would fix cells
 * that the quarter's protection may later need to hide.
 */
export interface PublicationCalendar {
  settlingDays: number;
  /** The clock: injected, so tests and the standalone demo do not depend on today. */
  now(): Date;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (YYYY-MM-DD) it is in Paris at this instant. */
export function parisDayOf(instant: Date): string {
  const part = (type: string) => dayFormat.formatToParts(instant).find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The day `settlingDays` after the last day of `month`: the first day its tables may be read. */
export function publicationDayAfter(month: string, settlingDays: number): string {
  const day = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  day.setUTCFullYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1 + settlingDays);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

/** A ministry table (a month or a quarter) is published with its whole quarter. */
export function ministryPublicationDay(quarter: string, calendar: PublicationCalendar): string {
  return publicationDayAfter(monthsOfQuarter(quarter)[2] ?? '', calendar.settlingDays);
}

/** A CHSCT month is its own family: published once it is closed and settled. */
export function trendPublicationDay(month: string, calendar: PublicationCalendar): string {
  return publicationDayAfter(month, calendar.settlingDays);
}

export const isPublishedBy = (publicationDay: string, calendar: PublicationCalendar): boolean =>
  parisDayOf(calendar.now()) >= publicationDay;

export interface PublicationStatus {
  settlingDays: number;
  /** The most recent published periods (at most 36 months' worth), oldest first; every earlier one is published too. */
  publishedPeriods: string[];
  nextPublication: { date: string; periods: string[] };
}

/** The latest month whose publication day has come (searching back from the current month). */
function latestPublishedMonth(publicationDay: (month: string) => string, calendar: PublicationCalendar) {
  let index = monthIndex(parisDayOf(calendar.now()).slice(0, 7));
  while (!isPublishedBy(publicationDay(monthAt(index)), calendar)) index -= 1;
  return index;
}

export function trendPublication(calendar: PublicationCalendar): PublicationStatus {
  const latest = latestPublishedMonth((month) => trendPublicationDay(month, calendar), calendar);
  const next = monthAt(latest + 1);
  return {
    settlingDays: calendar.settlingDays,
    publishedPeriods: Array.from({ length: longestRangeInMonths }, (_, offset) =>
      monthAt(latest - longestRangeInMonths + 1 + offset),
    ),
    nextPublication: { date: trendPublicationDay(next, calendar), periods: [next] },
  };
}

export function ministryPublication(calendar: PublicationCalendar): PublicationStatus {
  const latest = latestPublishedMonth(
    (month) => ministryPublicationDay(quarterOf(month), calendar),
    calendar,
  );
  const months = Array.from({ length: longestRangeInMonths }, (_, offset) =>
    monthAt(latest - longestRangeInMonths + 1 + offset),
  );
  const quarters = [...new Set(months.map(quarterOf))];
  const nextQuarter = quarterOf(monthAt(latest + 1));
  return {
    settlingDays: calendar.settlingDays,
    publishedPeriods: [...months, ...quarters],
    nextPublication: {
      date: ministryPublicationDay(nextQuarter, calendar),
      periods: [...monthsOfQuarter(nextQuarter), nextQuarter],
    },
  };
}

/**
 * The month a fact is counted in: the month it names, or the month it occurred in (entered the facts
 * log) when that is later. A first reply names the month its item was posted, possibly long closed;
 * counted there, it would change a published table. `occurredAt` is the fact's own time (a day), so
 * a rebuild counts every fact in the same month again.
 */
export function countingMonthOf(namedMonth: string, occurredAt: string): string {
  const occurred = occurredAt.slice(0, 7);
  return occurred > namedMonth ? occurred : namedMonth;
}
