/**
 * A family of published tables seen as one set of cells, so that suppression is decided once for
 * everything an observer could put side by side (docs/design.md §7). A cell has a coordinate on every axis of
 * the family; `ALL` on an axis makes it a margin (the total over that axis). Any cell and the cells
 * that differ from it on exactly one axis, with that axis's margin, form a line: the margin is
 * assumed to be the sum of its parts. For distinct counts this is the worst case (a teacher counted
 * in two parts is counted once in the margin), so protecting against it protects against the truth.
 */
export const ALL = '*';

export type Coordinates = Readonly<Record<string, string>>;

export interface CellInput {
  coordinates: Coordinates;
  value: number;
  /** Fails the primary rule on its own (a small count, too few contributors, a dominant one). */
  primary: boolean;
  /** Part of the family's arithmetic but never published (e.g. a total nobody can count). */
  unpublished?: boolean;
}

export interface FamilyCell extends CellInput {
  key: string;
}

export interface Line {
  /** The axis along which the parts differ. */
  axis: string;
  /** The margin of the line. */
  total: string;
  parts: readonly string[];
}

export const keyOf = (axes: readonly string[], coordinates: Coordinates): string =>
  axes.map((axis) => `${axis}=${coordinates[axis] ?? ALL}`).join('|');

export class CellFamily {
  readonly cells = new Map<string, FamilyCell>();
  readonly lines: Line[];

  constructor(
    readonly axes: readonly string[],
    inputs: readonly CellInput[],
  ) {
    for (const input of inputs) {
      const key = keyOf(axes, input.coordinates);
      this.cells.set(key, { ...input, key });
    }
    this.lines = this.deriveLines();
  }

  private deriveLines(): Line[] {
    const lines: Line[] = [];
    for (const axis of this.axes) {
      const groups = new Map<string, { total?: string; parts: string[] }>();
      for (const cell of this.cells.values()) {
        const rest = keyOf(
          this.axes.filter((other) => other !== axis),
          cell.coordinates,
        );
        const group = groups.get(rest) ?? { parts: [] };
        if ((cell.coordinates[axis] ?? ALL) === ALL) group.total = cell.key;
        else group.parts.push(cell.key);
        groups.set(rest, group);
      }
      for (const group of groups.values()) {
        if (group.total !== undefined && group.parts.length > 0)
          lines.push({ axis, total: group.total, parts: group.parts.sort() });
      }
    }
    return lines;
  }
}
