/** One row of a scenario's table: Relais or one of its baselines, measured in the same run. */
export interface Figure {
  subject: string;
  /** True for the rows Relais is compared with. */
  baseline?: boolean;
  /** Work per second (requests/s, facts/s), when the scenario measures a rate. */
  throughput?: number;
  throughputUnit?: string;
  /** Milliseconds. */
  p50?: number;
  p99?: number;
  /** Relais against its baseline, as the scenario's `ratioMeaning` says. */
  ratio?: number;
  /** Anything else measured for this row, already worded (sizes, memory, errors). */
  other?: string;
}

export interface TargetCheck {
  /** As docs/design.md §8 words it. */
  target: string;
  measured: string;
  met: boolean;
}

export interface ScenarioResult {
  /** One table per load shape or endpoint, each with its own heading. */
  tables: { heading: string; figures: Figure[] }[];
  targets: TargetCheck[];
  /** What the ratio column means in this scenario, and anything a reader must know to trust the figures. */
  notes: string[];
}

export interface RunContext {
  quick: boolean;
  /** Repository root. */
  root: string;
  /** Where to write CPU profiles of Relais under load, when asked (--profile). */
  profileDir?: string;
  /** Progress for the person running the bench (stderr), not figures. */
  log: (line: string) => void;
}

export interface Scenario {
  name: string;
  title: string;
  /** What the scenario needs besides Node: the integration suite's infrastructure, a Chromium. */
  needs: readonly ('infrastructure' | 'chromium')[];
  run(context: RunContext): Promise<ScenarioResult>;
}

export const percentile = (sorted: readonly number[], share: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;

export const sortedCopy = (values: readonly number[]) => [...values].sort((a, b) => a - b);
