import { ALL, type CellFamily, type FamilyCell } from './cell-family';
import { DeviationProgramme, movedAtLeast } from './deviation-programme';
import type { LinearSolver } from './linear-solver';

export type Suppression = 'primary' | 'secondary';

/**
 * Secondary suppression over a whole family of tables, one protected cell at a time, by linear
 * programming (the model of Kelly, Golden and Assad, and of Fischetti and Salazar, that τ-Argus's
 * optimal method solves exactly; here each cell's programme is solved on its own, in key order).
 *
 * For each cell that must be protected, find the cheapest change of the whole family that an observer
 * could not tell from the real one: every published cell unchanged, every line (a margin and its
 * parts) still adding up, no cell below 0, and the protected cell at the value it must be able to take
 * (the minimum count when it is below it, so that nobody can rule out a publishable value; otherwise
 * 0, so that nobody can rule out that there is no one). Every cell that change moves is hidden; that
 * change stays possible as more cells are hidden, so the cell stays protected. Moving a cell already
 * hidden costs almost nothing, so the cells hidden for one small cell protect the next ones together;
 * a single box of cells per small cell (the hypercube method used before) could not see that, and in a
 * small academy whose every cell is small its boxes went through the national margins.
 *
 * Then every other hidden cell below the minimum (a cell of 0, mostly) gets the same protection, until
 * no cell is added: no hidden cell, primary or secondary, can be shown to be below the minimum by
 * reasoning on the lines of the family (linear reasoning; see ADR 0011 for what that leaves out).
 *
 * The pattern depends only on the family's values, so every table of the family, whichever is asked
 * for, shows the same one.
 */
export function protectFamily(
  family: CellFamily,
  minimumCount: number,
  solver: LinearSolver,
  initial: ReadonlyMap<string, Suppression> = new Map(),
): Map<string, Suppression> {
  const suppressed = new Map<string, Suppression>(initial);
  for (const cell of family.cells.values()) {
    if (cell.primary && !cell.unpublished && !suppressed.has(cell.key)) suppressed.set(cell.key, 'primary');
  }
  const primaries = [...suppressed].filter(([, why]) => why === 'primary').map(([key]) => key);
  const belowMinimum = (key: string) => (family.cells.get(key)?.value ?? 0) < minimumCount;
  if (primaries.length === 0 && ![...suppressed.keys()].some(belowMinimum)) return suppressed;

  const isHidden = (cell: FamilyCell) => suppressed.has(cell.key) || cell.unpublished === true;
  const costs = new Map(
    [...family.cells.values()].map((cell) => [
      cell.key,
      isHidden(cell) ? costOfHidden : costOfPublished(family, cell),
    ]),
  );
  const programme = new DeviationProgramme(solver, family, costs);
  const protectedCells = new Set<string>();
  try {
    const shiftOf = (cell: FamilyCell) =>
      cell.value < minimumCount ? minimumCount - cell.value : -cell.value;
    const unprotected = () =>
      [...suppressed.keys()].filter((key) => !protectedCells.has(key) && belowMinimum(key)).sort();
    const protect = (key: string) => {
      const cell = family.cells.get(key);
      if (!cell || protectedCells.has(key)) return;
      protectedCells.add(key);
      // Should the solver ever fail, hiding the whole family is the answer that cannot leak.
      const moved =
        programme.deviationMoving(key, shiftOf(cell)) ??
        new Map([...family.cells.keys()].map((other) => [other, 0]));
      programme.setCost(key, costOfHidden);
      for (const [other, by] of moved) {
        const otherCell = family.cells.get(other);
        if (!otherCell || otherCell.unpublished) continue;
        if (!suppressed.has(other)) {
          suppressed.set(other, 'secondary');
          programme.setCost(other, costOfHidden);
        }
        // The same change takes this hidden cell where it must be able to go: it is protected too.
        const shift = shiftOf(otherCell);
        if (shift > 0 ? by >= shift - movedAtLeast : by <= shift + movedAtLeast) protectedCells.add(other);
      }
    };
    for (const key of primaries.sort()) protect(key);
    // Hiding may have hidden cells below the minimum (of 0, mostly): each is protected in turn,
    // which may hide more, until every hidden cell below the minimum is.
    for (let next = unprotected(); next.length > 0; next = unprotected())
      for (const key of next) protect(key);
  } finally {
    programme.dispose();
  }
  return suppressed;
}

/** Moving a hidden (or never published) cell reveals nothing more; a tiny cost keeps changes short. */
const costOfHidden = 1e-3;

/**
 * Moving a published cell costs tenfold with each axis on which it is a margin (a national or
 * quarterly figure is what readers come for, and it sits in many lines), so inner cells are hidden
 * rather than a margin unless that moves ten times as much; its value only breaks ties.
 */
function costOfPublished(family: CellFamily, cell: FamilyCell): number {
  const margins = family.axes.filter((axis) => (cell.coordinates[axis] ?? ALL) === ALL).length;
  return 10 ** margins * (1 + cell.value / 1e5);
}
