import type { Highs } from 'highs';
import type { LinearProgramme, LinearSolver, LoadedProgramme } from '../domain/disclosure/linear-solver';

/**
 * Secondary suppression's linear programmes solved by HiGHS compiled to WebAssembly (ADR 0011): its
 * dual simplex perturbs costs and bounds on degenerate programmes, so it does not cycle on them, and
 * its Wasm runs as fast under jest's vm context as under plain Node. A computation, not I/O: the
 * application hands it to the domain, which only knows the port.
 */
let loading: Promise<LinearSolver> | undefined;

/** Loaded on first use, so a process that never protects a table (and `npm start`) does not pay for it. */
export function highsSolver(): Promise<LinearSolver> {
  loading ??= import('highs').then(async ({ default: load }) => solverOn(await load()));
  return loading;
}

function solverOn(highs: Highs): LinearSolver {
  const bound = (value: number) =>
    value === Infinity ? highs.infinity : value === -Infinity ? -highs.infinity : value;
  return {
    load(programme: LinearProgramme): LoadedProgramme {
      const columns = programme.cost.length;
      const rows = programme.rowValue.length;
      const model = highs.createModel({
        numCols: columns,
        numRows: rows,
        colCost: programme.cost,
        colLower: programme.lower.map(bound),
        colUpper: programme.upper.map(bound),
        rowLower: programme.rowValue,
        rowUpper: programme.rowValue,
        matrix: {
          format: 'csc',
          numRows: rows,
          numCols: columns,
          starts: programme.matrix.starts,
          indices: programme.matrix.rows,
          values: programme.matrix.values,
        },
      });
      // Presolve would rebuild the programme at every solve and lose the basis a re-solve starts from.
      model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
      return {
        setCost: (column, cost) => void model.changeColCost(column, cost),
        setBounds: (column, lower, upper) => void model.changeColBounds(column, bound(lower), bound(upper)),
        minimize() {
          try {
            model.run();
          } catch {
            return undefined; // the caller then hides what cannot leak
          }
          if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
          return model.getSolution().colValue;
        },
        dispose: () => model.dispose(),
      };
    },
  };
}
