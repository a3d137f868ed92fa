import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import request from 'supertest';
import { sampleApp } from './support/sample-app';

describe('request metrics', () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Never fires on its own: the test pulls with forceFlush, so nothing depends on timing.
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });

  beforeAll(() => {
    metrics.setGlobalMeterProvider(provider);
  });

  afterAll(async () => {
    await provider.shutdown();
    metrics.disable();
  });

  async function recordedPoints() {
    await reader.forceFlush();
    const histogram = exporter
      .getMetrics()
      .flatMap((resourceMetrics) => resourceMetrics.scopeMetrics)
      .flatMap((scope) => scope.metrics)
      .filter(
        (metric): metric is HistogramMetricData => metric.descriptor.name === 'http.server.request.duration',
      )
      .at(-1);
    return histogram?.dataPoints ?? [];
  }

  it('labels request durations with the route template, never the raw path', async () => {
    const { app } = sampleApp();
    await request(app).get('/api/x/items/123').expect(200);
    await request(app).get('/api/x/items/404').expect(404);
    await request(app).get('/api/x/does/not/exist/123').expect(404);

    const points = await recordedPoints();
    const labels = points.map((point) => point.attributes);
    expect(labels).toEqual(
      expect.arrayContaining([
        { 'http.request.method': 'GET', 'http.route': '/api/x/items/:id', 'http.response.status_code': 200 },
        { 'http.request.method': 'GET', 'http.route': '/api/x/items/:id', 'http.response.status_code': 404 },
        { 'http.request.method': 'GET', 'http.route': 'unmatched', 'http.response.status_code': 404 },
      ]),
    );
    expect(JSON.stringify(labels)).not.toContain('123');
    expect(points.find((point) => point.attributes['http.response.status_code'] === 200)?.value.count).toBe(
      1,
    );
  });
});
