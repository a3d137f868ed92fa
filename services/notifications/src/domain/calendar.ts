/** Days and hours in Europe/Paris: notices are dated by the day, the digest goes at a set hour. */
const parisFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(parisFormat.formatToParts(date).map((part) => [part.type, part.value]));
}

export function dayOf(date: Date): string {
  const parts = partsOf(date);
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

export function hourOf(date: Date): number {
  return Number(partsOf(date)['hour']);
}

/** The month (YYYY-MM) of a YYYY-MM-DD day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The day `days` after a YYYY-MM-DD day (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** « 7 décembre 2026 » for a YYYY-MM-DD day. */
export function frenchDay(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
