import type { CellFamily } from './cell-family';
import type { LinearSolver, LoadedProgramme } from './linear-solver';

/**
 * The linear programme behind secondary suppression (see `secondary-suppression.ts`): columns 2i and
 * 2i + 1 are cell i's upward and downward deviation (the downward one bounded by the cell's value: no
 * cell below 0); row j is line j of the family: its parts' deviations minus its margin's add up to 0.
 * Every line is an equation equal to 0, so the programme is highly degenerate: the solver must not
 * cycle on it (ADR 0011).
 *
 * It is built once per family and kept while its cells are protected one after the other: between two
 * solves only the protected cell's bounds and the costs of newly hidden cells change.
 */
export class DeviationProgramme {
  private readonly loaded: LoadedProgramme;
  private readonly index = new Map<string, number>();
  private readonly values: number[] = [];

  constructor(solver: LinearSolver, family: CellFamily, costs: ReadonlyMap<string, number>) {
    for (const [key, cell] of family.cells) {
      this.index.set(key, this.values.length);
      this.values.push(cell.value);
    }
    const columns: [number, number][][] = this.values.flatMap(() => [[], []]);
    family.lines.forEach((line, row) => {
      for (const [key, sign] of [
        [line.total, -1] as const,
        ...line.parts.map((part) => [part, 1] as const),
      ]) {
        const cell = this.index.get(key);
        if (cell === undefined) continue;
        columns[2 * cell]?.push([row, sign]);
        columns[2 * cell + 1]?.push([row, -sign]);
      }
    });
    const starts = [0];
    const rows: number[] = [];
    const coefficients: number[] = [];
    for (const entries of columns) {
      for (const [row, value] of entries.sort(([a], [b]) => a - b)) {
        rows.push(row);
        coefficients.push(value);
      }
      starts.push(rows.length);
    }
    const keys = [...this.index.keys()];
    this.loaded = solver.load({
      cost: keys.flatMap((key) => [costs.get(key) ?? 0, costs.get(key) ?? 0]),
      lower: columns.map(() => 0),
      upper: this.values.flatMap((value) => [Infinity, value]),
      rowValue: family.lines.map(() => 0),
      matrix: { starts, rows, values: coefficients },
    });
  }

  /** The cost of moving a cell by one, either way. */
  setCost(key: string, cost: number): void {
    const cell = this.index.get(key);
    if (cell === undefined) return;
    this.loaded.setCost(2 * cell, cost);
    this.loaded.setCost(2 * cell + 1, cost);
  }

  /**
   * The cheapest deviation that moves `key` by exactly `shift`: how much it moves every other cell it
   * moves, or undefined when the solver finds none (one always exists: the cell and its margins can
   * move together).
   */
  deviationMoving(key: string, shift: number): Map<string, number> | undefined {
    const cell = this.index.get(key);
    if (cell === undefined) return new Map();
    const value = this.values[cell] ?? 0;
    const up = Math.max(shift, 0);
    const down = Math.max(-shift, 0);
    this.loaded.setBounds(2 * cell, up, up);
    this.loaded.setBounds(2 * cell + 1, down, down);
    try {
      const solution = this.loaded.minimize();
      if (!solution) return undefined;
      const moved = new Map<string, number>();
      for (const [other, position] of this.index) {
        if (position === cell) continue;
        const by = (solution[2 * position] ?? 0) - (solution[2 * position + 1] ?? 0);
        if (Math.abs(by) > movedAtLeast) moved.set(other, by);
      }
      return moved;
    } finally {
      this.loaded.setBounds(2 * cell, 0, Infinity);
      this.loaded.setBounds(2 * cell + 1, 0, value);
    }
  }

  dispose(): void {
    this.loaded.dispose();
  }
}

/** Below this a deviation is the solver's rounding, not a move (counts and hours move by far more). */
export const movedAtLeast = 1e-7;
