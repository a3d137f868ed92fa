import { startServiceHarness, type ServiceHarness } from '@relais/testing';
import { createPrometheusMetrics, type PrometheusMetrics } from '@relais/telemetry';
import { createInMemoryStatsService } from '../../src/index';
import { everyTestPeriodPublished, participations } from '../support/facts';

describe('the suppressed-cells metric (ops dashboard)', () => {
  let harness: ServiceHarness;
  let prometheus: PrometheusMetrics;
  beforeAll(async () => {
    prometheus = createPrometheusMetrics();
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryStatsService({
        verifier: verifierFor('relais-stats'),
        minimumCount: 11,
        publication: everyTestPeriodPublished,
      }),
    ]);
    for (const event of [
      ...participations({
        month: '2026-11',
        academy: 'lyon',
        themes: ['reading'],
        change: 'enrolled',
        teachers: 12,
      }),
      ...participations({
        month: '2026-11',
        academy: 'grenoble',
        themes: ['reading'],
        change: 'enrolled',
        teachers: 2,
      }),
    ])
      await harness.bus.publish(event.topic, [{ key: event.key, envelope: event.envelope }]);
    await harness.bus.idle();
  });
  afterAll(async () => {
    await harness.stop();
    await prometheus.shutdown();
  });

  it('counts the cells a table withheld, by table and rule, naming no cell', async () => {
    const response = await harness.call(
      'ministry.dne',
      'GET',
      '/api/stats/ministry/enrollments?period=2026-11&by=academy',
    );
    const withheld = (response.body.cells as { suppressed?: string }[]).filter(
      (cell) => cell.suppressed === 'primary',
    );
    expect(withheld.length).toBeGreaterThan(0);
    const text = await prometheus.collect();
    const counted = text.match(
      /relais_stats_suppressed_cells_total\{table="ministry-enrollments",suppression="primary"[^}]*\} (\d+)/,
    );
    expect(Number(counted?.[1])).toBe(withheld.length);
    expect(text).not.toContain('grenoble');
  });
});
