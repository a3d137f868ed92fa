import { countingMonthOf, ministryPublicationDay, trendPublicationDay } from '../../src/index';
import { isPublishedBy, parisDayOf, publicationDayAfter } from '../../src/domain/publication';

const at = (instant: string, settlingDays = 7) => ({ settlingDays, now: () => new Date(instant) });

describe('when a period is published (docs/design.md §7, ADR 0014)', () => {
  it('publishes a CHSCT month the settling days after it ends', () => {
    expect(trendPublicationDay('2026-11', at('2026-12-01'))).toBe('2026-12-08');
    expect(trendPublicationDay('2026-12', at('2026-12-01'))).toBe('2027-01-08');
    expect(trendPublicationDay('2027-02', at('2026-12-01', 0))).toBe('2027-03-01');
    expect(publicationDayAfter('2024-02', 30)).toBe('2024-03-31');
  });

  it('publishes a ministry month with its quarter, the settling days after the quarter ends', () => {
    expect(ministryPublicationDay('2026-Q4', at('2026-12-01'))).toBe('2027-01-08');
    expect(ministryPublicationDay('2026-Q3', at('2026-12-01', 14))).toBe('2026-10-15');
  });

  it('counts days in Paris: published at midnight there, not at midnight UTC', () => {
    expect(parisDayOf(new Date('2026-12-07T22:59:00Z'))).toBe('2026-12-07');
    expect(parisDayOf(new Date('2026-12-07T23:00:00Z'))).toBe('2026-12-08');
    expect(isPublishedBy('2026-12-08', at('2026-12-07T22:59:00Z'))).toBe(false);
    expect(isPublishedBy('2026-12-08', at('2026-12-07T23:00:00Z'))).toBe(true);
  });

  it('reads years before 100 as written (Date.UTC would move them to the 1900s)', () => {
    expect(publicationDayAfter('0042-03', 7)).toBe('0042-04-08');
  });

  it('counts a fact in the month it occurred in when that is later than the month it names', () => {
    expect(countingMonthOf('2026-11', '2027-01-09T00:00:00.000Z')).toBe('2027-01');
    expect(countingMonthOf('2026-11', '2026-11-30T00:00:00.000Z')).toBe('2026-11');
    // Named in Paris time, dated to the UTC day: the first hour of a Paris month is still the day before.
    expect(countingMonthOf('2026-12', '2026-11-30T00:00:00.000Z')).toBe('2026-12');
  });
});
