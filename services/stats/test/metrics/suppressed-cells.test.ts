import { createPrometheusMetrics } from '@relais/telemetry';
import { recordSuppressedCells } from '../../src/infrastructure/metrics/suppressed-cells';

describe('recordSuppressedCells', () => {
  it('counts withheld cells per catalogue table and rule, on the provider started after it was imported', async () => {
    const prometheus = createPrometheusMetrics();
    try {
      recordSuppressedCells({ table: 'ministry-enrollments', suppression: 'primary', count: 3 });
      recordSuppressedCells({ table: 'ministry-enrollments', suppression: 'primary', count: 2 });
      recordSuppressedCells({ table: 'chsct-feedback-trends', suppression: 'secondary', count: 1 });
      recordSuppressedCells({ table: 'chsct-feedback-trends', suppression: 'primary', count: 0 });
      const text = await prometheus.collect();
      expect(text).toMatch(
        /relais_stats_suppressed_cells_total\{table="ministry-enrollments",suppression="primary"[^}]*\} 5/,
      );
      expect(text).toMatch(
        /relais_stats_suppressed_cells_total\{table="chsct-feedback-trends",suppression="secondary"[^}]*\} 1/,
      );
      expect(text).not.toMatch(/table="chsct-feedback-trends",suppression="primary"/);
    } finally {
      await prometheus.shutdown();
    }
  });
});
