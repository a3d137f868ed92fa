/**
 * Days and months in the French administrative calendar (Europe/Paris): the day of a post, the month
 * of a fact, the daily quota. Nothing here is finer than a day except the seconds a 429 asks to wait.
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(dayFormat.formatToParts(date).map((part) => [part.type, part.value]));
}

export function dayOf(date: Date): string {
  const parts = partsOf(date);
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/**
 * Seconds until the next day starts in Paris. On the two days a year when clocks change this is off
 * by an hour at most: a retry that comes an hour early gets another 429 with the remaining time.
 */
export function secondsUntilNextDay(date: Date): number {
  const parts = partsOf(date);
  const elapsed = Number(parts['hour']) * 3_600 + Number(parts['minute']) * 60 + Number(parts['second']);
  return Math.max(1, 86_400 - elapsed);
}
