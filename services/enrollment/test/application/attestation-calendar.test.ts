import { ATTESTATION_CODE, newAttestationCode } from '../../src/application/attestation-codes';
import { dayOf, schoolYearOf } from '../../src/application/calendar';

describe('the day and school year of a completion', () => {
  it('takes the day in Paris, not in UTC', () => {
    expect(dayOf(new Date('2026-11-19T23:30:00Z'))).toBe('2026-11-20');
    expect(dayOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('counts school years from 1 September to 31 August', () => {
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-08-31')).toBe('2026-2027');
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
  });
});

describe('verification codes', () => {
  it('are four groups of four unambiguous characters', () => {
    for (let round = 0; round < 50; round += 1) expect(newAttestationCode()).toMatch(ATTESTATION_CODE);
  });

  it('differ at every draw, and use the whole alphabet over many draws', () => {
    const codes = Array.from({ length: 2_000 }, newAttestationCode);
    expect(new Set(codes).size).toBe(codes.length);
    const characters = new Set(codes.join('').replaceAll('-', ''));
    expect(characters.size).toBe(32);
    expect([...characters].some((character) => 'ILOU'.includes(character))).toBe(false);
  });
});
