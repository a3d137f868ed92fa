import { ALL, keyOf, type CellFamily, type Coordinates } from './cell-family';

/**
 * The hypercube method (Repsilber; Giessing, as in τ-Argus): a small cell is protected by hiding it
 * with the other corners of a box of cells, one alternative value per axis. Moving the corners by
 * ±δ, alternately, changes no margin (along an axis, two values that are both parts move in opposite
 * directions; a part and its margin move together), so an observer cannot tell the small cell from
 * any value the box allows. The box is chosen so that it allows 0 or a value of at least the minimum
 * count, at the least cost: fewest margins newly hidden (a national or yearly figure is what readers
 * come for, and a hidden margin spreads secondary suppression through every table that shares it),
 * then fewest cells newly hidden, then the smallest values.
 *
 * Returns the corners to hide, or undefined when no box exists (the line rules take over then).
 */
export function protectingBox(
  family: CellFamily,
  cell: string,
  hidden: ReadonlySet<string>,
  minimumCount: number,
): string[] | undefined {
  const target = family.cells.get(cell);
  if (!target) return undefined;
  const options = family.axes.map((axis) => ({
    axis,
    alternatives: [undefined, ...alternativesOn(family, target.coordinates, axis)],
  }));
  let best: { corners: string[]; cost: number } | undefined;
  for (const choice of product(options.map((option) => option.alternatives))) {
    const corners = cornersOf(
      family,
      target.coordinates,
      options.map((o) => o.axis),
      choice,
    );
    if (!corners) continue;
    const down = corners.filter((corner) => corner.sign > 0).map((corner) => corner.value);
    const up = corners.filter((corner) => corner.sign < 0).map((corner) => corner.value);
    const reachesZero = Math.min(...down) >= target.value;
    const reachesMinimum = up.length === 0 || target.value + Math.min(...up) >= minimumCount;
    if (!reachesZero && !reachesMinimum) continue;
    const added = corners.filter((corner) => !hidden.has(corner.key));
    const margins = added.reduce((sum, corner) => sum + corner.margins, 0);
    const cost = margins * 1e12 + added.length * 1e9 + added.reduce((sum, corner) => sum + corner.value, 0);
    if (!best || cost < best.cost) best = { corners: corners.map((corner) => corner.key), cost };
  }
  return best?.corners;
}

const coordinate = (coordinates: Coordinates, axis: string) => coordinates[axis] ?? ALL;

/**
 * The margin and the few largest other values of the axis beside the cell: large neighbours protect
 * best, and bounding the choice keeps the search small on wide tables (30 academies) without ever
 * choosing an unsafe box (every box is checked).
 */
const widestChoice = 4;
function alternativesOn(family: CellFamily, origin: Coordinates, axis: string): string[] {
  const own = coordinate(origin, axis);
  const valueAt = (value: string) =>
    family.cells.get(keyOf(family.axes, { ...origin, [axis]: value }))?.value ?? -1;
  const others = family
    .valuesOf(axis)
    .filter((value) => value !== own && value !== ALL)
    .sort((a, b) => valueAt(b) - valueAt(a) || a.localeCompare(b))
    .slice(0, widestChoice);
  return own === ALL ? others : [ALL, ...others];
}

interface Corner {
  key: string;
  value: number;
  /** +1 moves with the protected cell, -1 against it. */
  sign: number;
  /** On how many axes this corner is a margin where the protected cell is not. */
  margins: number;
}

function cornersOf(
  family: CellFamily,
  origin: Coordinates,
  axes: readonly string[],
  choice: readonly (string | undefined)[],
): Corner[] | undefined {
  if (choice.every((alternative) => alternative === undefined)) return undefined;
  let corners: { coordinates: Record<string, string>; sign: number }[] = [
    { coordinates: { ...origin }, sign: 1 },
  ];
  axes.forEach((axis, index) => {
    const alternative = choice[index];
    if (alternative === undefined) return;
    const own = coordinate(origin, axis);
    const sign = own === ALL || alternative === ALL ? 1 : -1;
    corners = corners.flatMap((corner) => [
      corner,
      { coordinates: { ...corner.coordinates, [axis]: alternative }, sign: corner.sign * sign },
    ]);
  });
  const result: Corner[] = [];
  for (const corner of corners) {
    const key = keyOf(family.axes, corner.coordinates);
    const cell = family.cells.get(key);
    if (!cell || cell.unpublished) return undefined;
    // An axis left fixed must have no line through a corner: that line would no longer add up.
    const fixedAxes = axes.filter((_axis, index) => choice[index] === undefined);
    if (fixedAxes.some((axis) => family.hasLineAlong(key, axis))) return undefined;
    const margins = axes.filter(
      (axis) => coordinate(corner.coordinates, axis) === ALL && coordinate(origin, axis) !== ALL,
    ).length;
    result.push({ key, value: cell.value, sign: corner.sign, margins });
  }
  return result;
}

function* product<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first = [], ...rest] = lists;
  for (const head of first) for (const tail of product(rest)) yield [head, ...tail];
}
