import { highsSolver } from '../../src/application/highs-solver';
import { ALL, CellFamily, type CellInput } from '../../src/domain/disclosure/cell-family';
import type { LinearSolver } from '../../src/domain/disclosure/linear-solver';
import { protectFamily } from '../../src/domain/disclosure/secondary-suppression';

/** A two-way table, academy × band with both margins, with one small cell (Corse, high: 4). */
const counts: Record<string, Record<string, number>> = {
  lyon: { low: 30, high: 25 },
  grenoble: { low: 20, high: 14 },
  corse: { low: 12, high: 4 },
};
function family(): CellFamily {
  const cells: CellInput[] = [];
  for (const academy of [...Object.keys(counts), ALL])
    for (const band of ['low', 'high', ALL]) {
      let value = 0;
      for (const [name, bands] of Object.entries(counts))
        for (const [other, count] of Object.entries(bands))
          if ((academy === ALL || academy === name) && (band === ALL || band === other)) value += count;
      cells.push({ coordinates: { academy, band }, value, primary: value > 0 && value < 11 });
    }
  return new CellFamily(['academy', 'band'], cells);
}

describe('secondary suppression', () => {
  it('hides a box of four cells around the small one, and keeps every margin of the table', async () => {
    const suppressed = protectFamily(family(), 11, await highsSolver());
    expect(suppressed.get('academy=corse|band=high')).toBe('primary');
    // Corse's 4 can be 11 if Corse's low (12) and another academy's pair move against it.
    expect([...suppressed.keys()]).toHaveLength(4);
    expect(suppressed.has('academy=corse|band=low')).toBe(true);
    for (const margin of ['academy=*|band=*', 'academy=*|band=low', 'academy=*|band=high'])
      expect(suppressed.has(margin)).toBe(false);
  });

  it('hides the whole family when the solver fails: the answer that cannot leak', () => {
    const failing: LinearSolver = {
      load: () => ({ setCost() {}, setBounds() {}, minimize: () => undefined, dispose() {} }),
    };
    const whole = family();
    const suppressed = protectFamily(whole, 11, failing);
    expect(suppressed.size).toBe(whole.cells.size);
  });
});
