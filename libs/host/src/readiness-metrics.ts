import { metrics } from '@opentelemetry/api';
import type { ReadinessCheck } from '@relais/platform';

/**
 * Each dependency check's last outcome as a gauge (Prometheus: `relais_readiness_check_up{dependency}`,
 * 1 or 0), recorded whenever /readyz runs them: the kubelet probes every few seconds, so the value is
 * fresh without the metrics querying any dependency themselves.
 */
export function recordReadinessOutcomes(
  checks: readonly ReadinessCheck[],
  // /readyz's own timeout: a dependency that hangs counts as down, as it does there.
  timeoutMs = 2_000,
): ReadinessCheck[] {
  const up = metrics.getMeter('@relais/host').createGauge('relais.readiness.check_up', {
    description: 'Whether the last readiness check of a dependency succeeded (1) or failed (0)',
  });
  return checks.map((readiness) => ({
    ...readiness,
    async check() {
      const attributes = { dependency: readiness.name };
      const hung = setTimeout(() => up.record(0, attributes), timeoutMs);
      hung.unref();
      try {
        await readiness.check();
        up.record(1, attributes);
      } catch (error) {
        up.record(0, attributes);
        throw error;
      } finally {
        clearTimeout(hung);
      }
    },
  }));
}
