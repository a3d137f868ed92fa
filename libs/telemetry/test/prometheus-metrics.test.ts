import { metrics } from '@opentelemetry/api';
import { PROMETHEUS_TEXT_CONTENT_TYPE, createPrometheusMetrics } from '../src';

describe('createPrometheusMetrics', () => {
  it('registers the global meter provider and renders its instruments as Prometheus text', async () => {
    const prometheus = createPrometheusMetrics();
    try {
      metrics
        .getMeter('test')
        .createCounter('relais.facts.recorded', { description: 'Facts recorded' })
        .add(3, {
          table: 'ministry-enrollments',
        });
      expect(prometheus.contentType).toBe(PROMETHEUS_TEXT_CONTENT_TYPE);
      const text = await prometheus.collect();
      expect(text).toContain('# TYPE relais_facts_recorded_total counter');
      expect(text).toMatch(/relais_facts_recorded_total\{[^}]*table="ministry-enrollments"[^}]*\} 3/);
    } finally {
      await prometheus.shutdown();
    }
  });

  it('drops the http instrumentation duplicate of the server duration histogram', async () => {
    const prometheus = createPrometheusMetrics();
    try {
      metrics
        .getMeter('@opentelemetry/instrumentation-http')
        .createHistogram('http.server.request.duration')
        .record(1);
      metrics
        .getMeter('@relais/platform')
        .createHistogram('http.server.request.duration', { unit: 's' })
        .record(0.2);
      const text = await prometheus.collect();
      expect(text.match(/^# TYPE http_server_request_duration/gm)).toHaveLength(1);
      expect(text).toMatch(/http_server_request_duration_count\{[^}]*\} 1/);
    } finally {
      await prometheus.shutdown();
    }
  });
});
