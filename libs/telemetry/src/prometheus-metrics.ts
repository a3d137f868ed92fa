import { diag, metrics as metricsApi } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import type { Resource } from '@opentelemetry/resources';
import { AggregationType, MeterProvider } from '@opentelemetry/sdk-metrics';
import type { IMetricReader, ViewOptions } from '@opentelemetry/sdk-metrics';
import { PROMETHEUS_TEXT_CONTENT_TYPE } from './metrics-endpoint';
import type { MetricsEndpoint } from './metrics-endpoint';

export interface PrometheusMetricsOptions {
  resource?: Resource;
  /** More readers fed by the same provider, e.g. an OTLP periodic reader. */
  extraReaders?: IMetricReader[];
}

/** Serves as createHttpApp's `metrics` as is. */
export interface PrometheusMetrics extends MetricsEndpoint {
  meterProvider: MeterProvider;
  shutdown(): Promise<void>;
}

/**
 * @relais/platform records `http.server.request.duration` per route template; the http
 * instrumentation records a metric of the same name, and two families with one name break a
 * Prometheus scrape. Ours wins.
 */
const VIEWS: ViewOptions[] = [
  {
    meterName: '@opentelemetry/instrumentation-http',
    instrumentName: 'http.server.request.duration',
    aggregation: { type: AggregationType.DROP },
  },
];

/**
 * A MeterProvider read by a PrometheusExporter that never opens its own port: the text is served
 * by the app's /metrics route through `metrics.collect()`. Registered as the global provider.
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const serializer = new PrometheusSerializer();
  const meterProvider = new MeterProvider({
    ...(options.resource ? { resource: options.resource } : {}),
    readers: [exporter, ...(options.extraReaders ?? [])],
    views: VIEWS,
  });
  const registered = metricsApi.setGlobalMeterProvider(meterProvider);
  if (!registered)
    diag.warn('A global MeterProvider already exists; Prometheus metrics will miss its instruments');

  return {
    meterProvider,
    contentType: PROMETHEUS_TEXT_CONTENT_TYPE,
    async collect() {
      const { resourceMetrics, errors } = await exporter.collect();
      if (errors.length > 0) diag.error('Some metrics could not be collected', errors);
      return serializer.serialize(resourceMetrics);
    },
    async shutdown() {
      await meterProvider.shutdown();
      if (registered) metricsApi.disable();
    },
  };
}
