/**
 * Calendar periods that never overlap (docs/design.md §7): a month `YYYY-MM` or a quarter `YYYY-Qn`. A month
 * always belongs to exactly one quarter, and a quarter and its months are protected together.
 */
export type Period =
  | { kind: 'month'; id: string; months: string[]; quarter: string }
  | { kind: 'quarter'; id: string; months: string[]; quarter: string };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterPattern = /^(\d{4})-Q([1-4])$/;

export const longestRangeInMonths = 36;

export function isMonth(text: string): boolean {
  return monthPattern.test(text);
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export function monthsOfQuarter(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((month) => `${year}-${String(month).padStart(2, '0')}`);
}

export function parsePeriod(text: string): Period | undefined {
  if (monthPattern.test(text)) return { kind: 'month', id: text, months: [text], quarter: quarterOf(text) };
  if (!quarterPattern.test(text)) return undefined;
  return { kind: 'quarter', id: text, months: monthsOfQuarter(text), quarter: text };
}

export type MonthRange = { ok: true; months: string[] } | { ok: false; reason: 'reversed' | 'too-long' };

/** Every month from `from` to `to` inclusive; both are valid months. */
export function monthRange(from: string, to: string): MonthRange {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const length = index(to) - index(from) + 1;
  if (length < 1) return { ok: false, reason: 'reversed' };
  if (length > longestRangeInMonths) return { ok: false, reason: 'too-long' };
  const months = Array.from({ length }, (_, offset) => {
    const at = index(from) + offset;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
  return { ok: true, months };
}
