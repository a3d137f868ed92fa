import { solve, type Constraint } from 'yalps';

/**
 * What an observer can learn from published tables, computed independently of the service: every
 * hidden cell is an unknown ≥ 0, every margin identity an equation (`total = Σ parts`, the worst case
 * for distinct counts), every published cell a constant. Linear programming gives the smallest and
 * largest value each hidden cell can take. The margin identities form network matrices, so the
 * bounds of the linear relaxation are the integer bounds.
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

export function feasibleIntervals(
  published: ReadonlyMap<string, number>,
  hidden: readonly string[],
  unpublished: readonly string[],
  lines: readonly ObservedLine[],
): Interval[] {
  const unknowns = new Set([...hidden, ...unpublished]);
  const constraints: [string, Constraint][] = [];
  const coefficients = new Map<string, [string, number][]>([...unknowns].map((cell) => [cell, []]));
  lines.forEach((line, index) => {
    const name = `line${index}`;
    let constant = 0;
    const members: [string, number][] = [
      [line.total, -1],
      ...line.parts.map((part): [string, number] => [part, 1]),
    ];
    for (const [cell, sign] of members) {
      if (unknowns.has(cell)) coefficients.get(cell)?.push([name, sign]);
      else constant -= sign * (published.get(cell) ?? 0);
    }
    constraints.push([name, { equal: constant }]);
  });
  // The identities are equations, most equal to 0: a degenerate programme on which the simplex method
  // can cycle. The cycle check stops it; then an objective tilted by a few millionths towards the
  // other unknowns (rounded away below) breaks the tie it cycled on.
  const bound = (cell: string, direction: 'minimize' | 'maximize') => {
    for (const tilt of [0, 1e-6]) {
      const variables = [...unknowns].map((unknown, index): [string, [string, number][]] => [
        unknown,
        [
          ...(coefficients.get(unknown) ?? []),
          ['objective', unknown === cell ? 1 : (tilt * (index % 7)) / 7],
        ],
      ]);
      const solution = solve(
        { direction, objective: 'objective', constraints, variables },
        { checkCycles: true },
      );
      if (solution.status === 'cycled') continue;
      if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : -Infinity;
      if (solution.status !== 'optimal')
        throw new Error(`the published tables are inconsistent (${solution.status})`);
      return Math.round(solution.result);
    }
    throw new Error(`the audit of ${cell} cycled`);
  };
  return hidden.map((cell) => ({ cell, low: bound(cell, 'minimize'), high: bound(cell, 'maximize') }));
}

/** A hidden cell is exposed when an observer can tell it lies between 1 and minimum − 1. */
export function exposed(intervals: readonly Interval[], minimumCount: number): Interval[] {
  return intervals.filter((interval) => interval.high < minimumCount && interval.low >= 1);
}

/** A stricter bar, held by the service: an observer cannot rule out a publishable value. */
export function narrowed(intervals: readonly Interval[], minimumCount: number): Interval[] {
  return intervals.filter((interval) => interval.high < minimumCount);
}
