import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { envDetector, hostDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { privacyPreservingInstrumentations } from './instrumentations';
import type { MetricsEndpoint } from './metrics-endpoint';
import { createPrometheusMetrics } from './prometheus-metrics';
import { RedactingSpanExporter } from './redacting-span-exporter';

export interface TelemetryOptions {
  serviceName: string;
  env?: Record<string, string | undefined>;
}

export interface Telemetry {
  /** Serve this at /metrics (createHttpApp's `metrics` option). */
  metrics: MetricsEndpoint;
  /** Flushes and stops exporters: the last step of a graceful shutdown. */
  shutdown(): Promise<void>;
}

function otlpEndpoint(env: Record<string, string | undefined>): string | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return endpoint ? endpoint.replace(/\/+$/, '') : undefined;
}

/**
 * Starts OpenTelemetry for a Relais process: Prometheus metrics always; OTLP traces and metrics
 * only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Every exported span goes through the redaction.
 * Must run before the instrumented modules are loaded (see register.ts).
 */
export function startTelemetry({ serviceName, env = process.env }: TelemetryOptions): Telemetry {
  const endpoint = otlpEndpoint(env);
  const resource = resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': 'relais' });

  // Created first and registered globally, so instrumentations pick its meter provider up.
  const prometheus = createPrometheusMetrics({
    resource,
    extraReaders: endpoint
      ? [
          new PeriodicExportingMetricReader({
            exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
          }),
        ]
      : [],
  });

  const sdk = new NodeSDK({
    serviceName,
    resource,
    // Not the process detector: command lines and the OS user name have no place in telemetry.
    resourceDetectors: [envDetector, hostDetector],
    instrumentations: privacyPreservingInstrumentations(),
    // Trace context only. Not W3C baggage: any client could send a `baggage` header, and it would be
    // copied into every outgoing call, outbox event and Kafka message of the request.
    textMapPropagator: new W3CTraceContextPropagator(),
    // Metrics are handled by the Prometheus provider above; an empty list stops the SDK making its own.
    metricReaders: [],
    spanProcessors: endpoint
      ? [
          new BatchSpanProcessor({
            exporter: new RedactingSpanExporter(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })),
          }),
        ]
      : [],
    // Logs go to stdout through pino, already redacted; nothing is exported over OTLP.
    logRecordProcessors: [],
  });
  sdk.start();

  return {
    metrics: { contentType: prometheus.contentType, collect: () => prometheus.collect() },
    async shutdown() {
      await sdk.shutdown();
      await prometheus.shutdown();
    },
  };
}
