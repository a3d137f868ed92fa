/** Calendar periods that never overlap: a month `YYYY-MM` or a quarter `YYYY-Qn` (DESIGN §7). */
export type Period =
  { kind: 'month'; id: string; months: string[] } | { kind: 'quarter'; id: string; months: string[] };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterPattern = /^(\d{4})-Q([1-4])$/;

export function parsePeriod(text: string): Period | undefined {
  if (monthPattern.test(text)) return { kind: 'month', id: text, months: [text] };
  const quarter = quarterPattern.exec(text);
  if (!quarter) return undefined;
  const [, year, number] = quarter;
  const first = (Number(number) - 1) * 3 + 1;
  const months = [first, first + 1, first + 2].map((month) => `${year}-${String(month).padStart(2, '0')}`);
  return { kind: 'quarter', id: text, months };
}
