import { describe, expect, it } from 'vitest';
import { formatDate, formatHours, formatPercent } from './format';

describe('French formats', () => {
  it('writes dates with the month in words', () => {
    expect(formatDate('2026-12-07T10:00:00Z')).toBe('7 décembre 2026');
  });

  it('writes hours with a decimal comma and the right plural', () => {
    expect(formatHours(1.5)).toBe('1,5 heure');
    expect(formatHours(12)).toBe('12 heures');
  });

  it('writes percentages with a non-breaking space before the sign', () => {
    expect(formatPercent(40)).toBe('40\u00a0%');
  });
});
