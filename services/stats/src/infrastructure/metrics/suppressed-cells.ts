import { metrics } from '@opentelemetry/api';
import type { Counter, MeterProvider } from '@opentelemetry/api';

export type SuppressionKind = 'primary' | 'secondary';

export interface SuppressedCells {
  /** One of the fixed catalogue's table names, e.g. `ministry-enrollments`; never a dimension value. */
  table: string;
  suppression: SuppressionKind;
  count: number;
}

let counter: { provider: MeterProvider; instrument: Counter } | undefined;

/**
 * The metrics API has no proxy: an instrument made before telemetry started records nothing, forever.
 * The counter is therefore made on first use, and again if the global provider changed (tests).
 */
function suppressedCellsCounter(): Counter {
  const provider = metrics.getMeterProvider();
  if (counter?.provider !== provider) {
    const instrument = provider.getMeter('@relais/stats').createCounter('relais.stats.suppressed_cells', {
      description: 'Stats cells withheld by small-cell suppression, per catalogue table and rule',
      unit: '{cell}',
    });
    counter = { provider, instrument };
  }
  return counter.instrument;
}

/**
 * Counts cells the stats service withheld when it answered a table (Prometheus:
 * `relais_stats_suppressed_cells_total{table, suppression}`). Labels are the table's catalogue name
 * and the rule only: which cell was withheld is exactly what must not be told.
 */
export function recordSuppressedCells({ table, suppression, count }: SuppressedCells): void {
  if (count <= 0) return;
  suppressedCellsCounter().add(count, { table, suppression });
}
