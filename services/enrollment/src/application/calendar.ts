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
