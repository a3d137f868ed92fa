import { solve, type Coefficients, type Constraint, type Model } from 'yalps';
import { ALL, type CellFamily, type FamilyCell } from './cell-family';

export type Suppression = 'primary' | 'secondary';

/**
 * Secondary suppression over a whole family of tables, one protected cell at a time, by linear
 * programming (the model of Kelly, Golden and Assad, and of Fischetti and Salazar, that τ-Argus's
 * optimal method solves exactly).
 *
 * For each cell that must be protected, find the cheapest set of published cells to hide such that
 * some table exists that an observer cannot tell from the real one: every published cell unchanged,
 * every line (a margin and its parts) still adding up, no cell below 0, and the protected cell at the
 * value it must be able to take (the minimum count when it is below it, so an observer cannot rule out
 * a publishable value; otherwise 0, so he cannot rule out that nobody is there). The deviations of
 * that table are the unknowns of a linear programme; every cell it moves is hidden. Moving a cell
 * already hidden costs (almost) nothing, so the cells hidden for one small cell protect the next ones
 * together, which a single box of cells per small cell (the hypercube method used before) cannot see:
 * in a small academy whose every cell is small, no box stays inside the academy, and the only boxes
 * left went through the national margins.
 *
 * Cost of moving a published cell: it grows tenfold with each axis on which the cell is a margin (a
 * national or quarterly figure is what readers come for, and it sits in many lines), then with its
 * value, so the fewest and smallest cells, and the fewest margins, are hidden.
 *
 * The pattern depends only on the family's values: cells are protected in the order of their keys, so
 * every table of the family, whichever is asked for, shows the same pattern.
 */
export function protectFamily(
  family: CellFamily,
  minimumCount: number,
  initial: ReadonlyMap<string, Suppression> = new Map(),
): Map<string, Suppression> {
  const suppressed = new Map<string, Suppression>(initial);
  for (const cell of family.cells.values()) {
    if (cell.primary && !cell.unpublished && !suppressed.has(cell.key)) suppressed.set(cell.key, 'primary');
  }
  const lines = linesByCell(family);
  const toProtect = [...suppressed].filter(([, why]) => why === 'primary').map(([key]) => key);
  for (const key of toProtect.sort()) {
    const target = family.cells.get(key);
    if (!target) continue;
    for (const moved of deviationProtecting(family, lines, target, suppressed, minimumCount))
      if (!suppressed.has(moved)) suppressed.set(moved, 'secondary');
  }
  return suppressed;
}

/** For each cell, the lines it belongs to: +1 as a part, -1 as the margin. */
function linesByCell(family: CellFamily): Map<string, [string, number][]> {
  const byCell = new Map<string, [string, number][]>();
  family.lines.forEach((line, index) => {
    const name = `line${index}`;
    for (const part of line.parts) byCell.set(part, [...(byCell.get(part) ?? []), [name, 1]]);
    byCell.set(line.total, [...(byCell.get(line.total) ?? []), [name, -1]]);
  });
  return byCell;
}

/** Moving a hidden (or never published) cell reveals nothing more; a tiny cost keeps deviations short. */
const costOfHidden = 1e-3;

function costOfPublished(family: CellFamily, cell: FamilyCell): number {
  const margins = family.axes.filter((axis) => (cell.coordinates[axis] ?? ALL) === ALL).length;
  return 10 ** margins * (1 + cell.value / 1e5);
}

/**
 * The cells (other than the target) that the cheapest admissible deviation moves. Each cell has an
 * upward and a downward deviation variable; the downward one is bounded by the cell's value.
 */
function deviationProtecting(
  family: CellFamily,
  lines: ReadonlyMap<string, [string, number][]>,
  target: FamilyCell,
  suppressed: ReadonlyMap<string, Suppression>,
  minimumCount: number,
): string[] {
  // Every line is an equation equal to 0: the programme is highly degenerate, and without the cycle
  // check the simplex method could pivot for minutes on one cell. Should it still cycle, costs
  // perturbed by a few millionths (the same for the same family) break the ties it cycles on.
  for (const perturbation of [0, 1e-6]) {
    const solution = solve(programme(family, lines, target, suppressed, minimumCount, perturbation), {
      checkCycles: true,
    });
    if (solution.status !== 'optimal') continue;
    const moved = new Set<string>();
    for (const [name, amount] of solution.variables) {
      if (amount <= 1e-9) continue;
      const key = name.slice(name.indexOf(' ') + 1);
      if (key !== target.key) moved.add(key);
    }
    return [...moved];
  }
  // Always feasible (the target and every margin above it can grow together), so only a solver
  // failure gets here: hiding every cell of the family is the answer that cannot leak.
  return [...family.cells.keys()];
}

function programme(
  family: CellFamily,
  lines: ReadonlyMap<string, [string, number][]>,
  target: FamilyCell,
  suppressed: ReadonlyMap<string, Suppression>,
  minimumCount: number,
  perturbation: number,
): Model {
  const shift = target.value < minimumCount ? minimumCount - target.value : -target.value;
  const constraints = new Map<string, Constraint>([['target', { equal: shift }]]);
  family.lines.forEach((_line, index) => constraints.set(`line${index}`, { equal: 0 }));
  const variables: [string, Coefficients][] = [];
  let index = 0;
  for (const cell of family.cells.values()) {
    index += 1;
    const isTarget = cell.key === target.key;
    const cost =
      (isTarget
        ? 0
        : suppressed.has(cell.key) || cell.unpublished
          ? costOfHidden
          : costOfPublished(family, cell)) +
      (perturbation * ((index * 7919) % 1000)) / 1000;
    const inLines = lines.get(cell.key) ?? [];
    variables.push([
      `up ${cell.key}`,
      [...inLines, ['cost', cost], ...(isTarget ? [['target', 1] as [string, number]] : [])],
    ]);
    if (cell.value <= 0) continue; // a cell of 0 cannot go lower: no downward variable at all
    constraints.set(`floor ${cell.key}`, { max: cell.value });
    variables.push([
      `down ${cell.key}`,
      [
        ...inLines.map(([line, sign]): [string, number] => [line, -sign]),
        ['cost', cost],
        [`floor ${cell.key}`, 1],
        ...(isTarget ? [['target', -1] as [string, number]] : []),
      ],
    ]);
  }
  return { direction: 'minimize', objective: 'cost', constraints, variables };
}
