/** Dates and numbers the French way, through Intl only (docs/design.md §10). */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** A calendar day as the API gives it (YYYY-MM-DD), the same day whatever the browser's time zone. */
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T12:00:00`));
}

export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** `1.5` → "1,5 heure"; `12` → "12 heures". */
export function formatHours(value: number): string {
  return `${numberFormat.format(value)} ${Math.abs(value) < 2 ? 'heure' : 'heures'}`;
}

/** `percent` is 0–100, as the API sends it. */
export function formatPercent(percent: number): string {
  return percentFormat.format(percent / 100);
}
