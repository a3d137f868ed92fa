/**
 * What secondary suppression needs of a linear programming solver (a port: the domain builds the
 * programmes, an adapter solves them; ADR 0011). One programme is loaded, then solved again and again
 * with a few costs and bounds changed between solves, which a simplex solver restarts from its last
 * basis.
 */
export interface LinearProgramme {
  /** Minimized: Σ cost[j] · x[j]. */
  cost: readonly number[];
  /** Bounds of each column x[j]; Infinity for none. */
  lower: readonly number[];
  upper: readonly number[];
  /** Each row i: Σ A[i][j] · x[j] = rowValue[i]. */
  rowValue: readonly number[];
  /** A, column by column: column j's entries are at starts[j] up to starts[j + 1]. */
  matrix: { starts: readonly number[]; rows: readonly number[]; values: readonly number[] };
}

export interface LinearSolver {
  load(programme: LinearProgramme): LoadedProgramme;
}

export interface LoadedProgramme {
  setCost(column: number, cost: number): void;
  setBounds(column: number, lower: number, upper: number): void;
  /** The columns' values at an optimum, or undefined when the solver proves none or fails. */
  minimize(): Float64Array | undefined;
  /** Frees what the solver holds outside the garbage-collected heap. */
  dispose(): void;
}
