import loadHighs, { type Highs } from 'highs';

/**
 * What an observer can learn from published tables, computed independently of the service: every
 * hidden cell is an unknown ≥ 0, every margin identity an equation (`total = Σ parts`, the worst case
 * for distinct counts), every published cell a constant. Linear programming gives the smallest and
 * largest value each hidden cell can take (HiGHS, loaded here on its own: the audit shares the solver
 * library with the service, not its programme). The identities of a two-way table form a network
 * matrix, whose linear bounds are the integer bounds; those of the CHSCT cube (three ways, every
 * margin) need not: there the audit, like the suppression, bounds what linear reasoning can learn,
 * and an observer who also reasons on whole numbers could learn a little more (ADR 0011).
 */
export interface ObservedLine {
  total: string;
  parts: readonly string[];
}

export interface Interval {
  cell: string;
  low: number;
  /** Infinity when nothing published bounds the cell from above. */
  high: number;
}

export async function feasibleIntervals(
  published: ReadonlyMap<string, number>,
  hidden: readonly string[],
  unpublished: readonly string[],
  lines: readonly ObservedLine[],
): Promise<Interval[]> {
  const unknowns = [...new Set([...hidden, ...unpublished])];
  const column = new Map(unknowns.map((cell, index) => [cell, index]));
  const entries: [number, number][][] = unknowns.map(() => []);
  const constants = lines.map((line, row) => {
    let constant = 0;
    for (const [cell, sign] of [[line.total, -1] as const, ...line.parts.map((part) => [part, 1] as const)]) {
      const index = column.get(cell);
      if (index === undefined) constant -= sign * (published.get(cell) ?? 0);
      else entries[index]?.push([row, sign]);
    }
    return constant;
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const ofColumn of entries) {
    // A cell listed twice in one line (it cannot be, in a well-formed table) would count twice.
    const merged = new Map<number, number>();
    for (const [row, sign] of ofColumn) merged.set(row, (merged.get(row) ?? 0) + sign);
    for (const [row, sign] of [...merged].sort(([a], [b]) => a - b)) {
      indices.push(row);
      values.push(sign);
    }
    starts.push(indices.length);
  }
  const highs = await solver();
  const model = highs.createModel({
    numCols: unknowns.length,
    numRows: lines.length,
    colCost: unknowns.map(() => 0),
    colLower: unknowns.map(() => 0),
    colUpper: unknowns.map(() => highs.infinity),
    rowLower: constants,
    rowUpper: constants,
    matrix: { format: 'csc', numRows: lines.length, numCols: unknowns.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    const { modelStatus, objectiveSense } = highs.constants;
    const bound = (index: number, sense: 'minimize' | 'maximize') => {
      model.changeObjectiveSense(objectiveSense[sense]);
      model.changeColCost(index, 1);
      try {
        model.run();
        const status = model.getModelStatus();
        // The real table satisfies every identity, so "unbounded or infeasible" is unbounded.
        if (
          sense === 'maximize' &&
          (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible)
        )
          return Infinity;
        if (status !== modelStatus.optimal)
          throw new Error(`the published tables are inconsistent (HiGHS model status ${status})`);
        return Math.round(model.getSolution().colValue[index] ?? NaN);
      } finally {
        model.changeColCost(index, 0);
      }
    };
    return hidden.map((cell) => {
      const index = column.get(cell) ?? -1;
      return { cell, low: bound(index, 'minimize'), high: bound(index, 'maximize') };
    });
  } finally {
    model.dispose();
  }
}

let loading: Promise<Highs> | undefined;
const solver = () => (loading ??= loadHighs());

/** A hidden cell is exposed when an observer can tell it lies between 1 and minimum − 1. */
export function exposed(intervals: readonly Interval[], minimumCount: number): Interval[] {
  return intervals.filter((interval) => interval.high < minimumCount && interval.low >= 1);
}

/** A stricter bar, held by the service: an observer cannot rule out a publishable value. */
export function narrowed(intervals: readonly Interval[], minimumCount: number): Interval[] {
  return intervals.filter((interval) => interval.high < minimumCount);
}
