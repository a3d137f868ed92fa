/** Statistics follow the French administrative calendar: months and quarters in Europe/Paris. */
const monthFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
});

export function monthOf(date: Date): string {
  const parts = monthFormat.formatToParts(date);
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  return `${year}-${month}`;
}

export function quarterOf(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${year}-Q${Math.ceil(Number(monthNumber) / 3)}`;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in Paris, YYYY-MM-DD: a completion ticked at 00:30 in Lyon belongs to that day. */
export function dayOf(date: Date): string {
  return dayFormat.format(date);
}

/**
 * The school year of a day, "2026-2027" for 1 September 2026 to 31 August 2027: teachers' training
 * obligations and plans are counted per school year (ADR 0031).
 */
export function schoolYearOf(day: string): string {
  const [year, month] = day.split('-').map(Number);
  const start = (month ?? 1) >= 9 ? (year ?? 0) : (year ?? 0) - 1;
  return `${start}-${start + 1}`;
}
