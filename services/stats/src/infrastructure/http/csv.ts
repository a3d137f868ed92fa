/**
 * RFC 4180 CSV for the published tables. Hand-written: the tables are a few columns of numbers and
 * names, and quoting plus the spreadsheet-formula guard below are a handful of lines.
 */
const needsQuotes = /[",\r\n]/;
// A theme such as "=HYPERLINK(...)" must not run as a formula in the spreadsheet that opens the file.
const formulaStart = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
