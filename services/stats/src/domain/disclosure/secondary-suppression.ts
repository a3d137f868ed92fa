import type { CellFamily, Line } from './cell-family';
import { protectingBox } from './hypercubes';

export type Suppression = 'primary' | 'secondary';

/**
 * Secondary suppression over a whole family of tables, in two passes. First every small cell is
 * hidden with the other corners of a box that lets it take 0 or a publishable value whatever the
 * margins say (see `hypercubes.ts`). Then these two rules are applied until they hold in every line
 * (a margin and its parts), which also covers cells for which no box exists:
 *
 * 1. No line has exactly one unknown member that is a hidden cell: the margin identity would give it
 *    away. A member is known when it is published, or when it is an unpublished cell (a total nobody
 *    publishes) that another line lets an observer compute.
 * 2. When the margin of a line is known, what an observer computes for the hidden parts together
 *    (the margin minus the known parts) is at least the minimum count, so no hidden part can be
 *    narrowed below the primary bound by difference.
 *
 * Hiding a cell changes the other lines it belongs to, so the rules are applied until nothing moves
 * (this ends: cells are only ever added). The cell hidden next in a line is its smallest non-zero
 * published part (the least information lost), then its margin, then a zero part; ties go by key, so
 * the same data always gives the same pattern, whichever table of the family is asked for.
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
  const valueOf = (key: string) => family.cells.get(key)?.value ?? 0;
  const primaries = [...suppressed].filter(([, why]) => why === 'primary').map(([key]) => key);
  for (const key of primaries.sort()) {
    const box = protectingBox(family, key, new Set(suppressed.keys()), minimumCount);
    for (const corner of box ?? []) if (!suppressed.has(corner)) suppressed.set(corner, 'secondary');
  }
  const isPublished = (key: string) => !suppressed.has(key) && family.cells.get(key)?.unpublished !== true;

  // Passes over every line until one changes nothing; what an observer can derive is recomputed
  // between passes (within a pass it can only be overestimated, which hides more, never less).
  for (let changed = true; changed;) {
    changed = false;
    const { known, derivedBy } = knownCells(family, isPublished);
    for (const line of family.lines) {
      if (!violates(line, known, suppressed, minimumCount)) continue;
      const next = nextToHide(line, isPublished, valueOf) ?? hideInDerivation(line, derivedBy);
      if (next === undefined) continue;
      suppressed.set(next, 'secondary');
      known.delete(next);
      changed = true;
    }
  }

  function hideInDerivation(line: Line, derivedBy: ReadonlyMap<string, Line>): string | undefined {
    const source = derivedBy.get(line.total);
    return source ? nextToHide(source, isPublished, valueOf) : undefined;
  }

  return suppressed;
}

function violates(
  line: Line,
  known: ReadonlyMap<string, number>,
  suppressed: ReadonlyMap<string, Suppression>,
  minimumCount: number,
): boolean {
  const members = [line.total, ...line.parts];
  const unknown = members.filter((key) => !known.has(key));
  const hiddenProtected = unknown.filter((key) => suppressed.has(key));
  if (hiddenProtected.length === 0) return false;
  if (unknown.length === 1) return true;
  const total = known.get(line.total);
  if (total === undefined) return false;
  const knownParts = line.parts.reduce((sum, key) => sum + (known.get(key) ?? 0), 0);
  return total - knownParts < minimumCount;
}

function nextToHide(
  line: Line,
  isPublished: (key: string) => boolean,
  valueOf: (key: string) => number,
): string | undefined {
  const published = line.parts.filter(isPublished);
  const byValue = (a: string, b: string) => valueOf(a) - valueOf(b) || a.localeCompare(b);
  const nonZero = published.filter((key) => valueOf(key) !== 0).sort(byValue);
  const zero = published.filter((key) => valueOf(key) === 0).sort(byValue);
  const margin = isPublished(line.total) ? [line.total] : [];
  return [...nonZero, ...margin, ...zero][0];
}

/**
 * What an observer knows: every published cell, and every unpublished cell that is the only unknown
 * of some line (its value follows from the others), repeatedly.
 */
function knownCells(
  family: CellFamily,
  isPublished: (key: string) => boolean,
): { known: Map<string, number>; derivedBy: Map<string, Line> } {
  const known = new Map<string, number>();
  const derivedBy = new Map<string, Line>();
  for (const cell of family.cells.values()) if (isPublished(cell.key)) known.set(cell.key, cell.value);
  for (let progress = true; progress;) {
    progress = false;
    for (const line of family.lines) {
      const members = [line.total, ...line.parts];
      const unknown = members.filter((key) => !known.has(key));
      const [only] = unknown;
      if (unknown.length !== 1 || only === undefined || !family.cells.get(only)?.unpublished) continue;
      const partsSum = line.parts.reduce((sum, key) => sum + (known.get(key) ?? 0), 0);
      known.set(only, only === line.total ? partsSum : (known.get(line.total) ?? 0) - partsSum);
      derivedBy.set(only, line);
      progress = true;
    }
  }
  return { known, derivedBy };
}
