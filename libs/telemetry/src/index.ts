export { startTelemetry } from './start-telemetry';
export type { Telemetry, TelemetryOptions } from './start-telemetry';
export { activeTelemetry } from './active-telemetry';
export { createPrometheusMetrics } from './prometheus-metrics';
export type { PrometheusMetrics, PrometheusMetricsOptions } from './prometheus-metrics';
export { PROMETHEUS_TEXT_CONTENT_TYPE } from './metrics-endpoint';
export type { MetricsEndpoint } from './metrics-endpoint';
export { RedactingSpanExporter } from './redacting-span-exporter';
export {
  DENIED_ATTRIBUTES,
  DENIED_ATTRIBUTE_PREFIXES,
  RAW_PATH_ATTRIBUTES,
  SCRUBBED_MESSAGE,
  STATEMENT_ATTRIBUTES,
  URL_ATTRIBUTES,
  redactAttributes,
  redactSpan,
  stripQuery,
} from './span-redaction';
export { maskStatement, maskValues } from './statement-masking';
export {
  UNTRACED_PATHS,
  instrumentationConfigs,
  isUntracedRequest,
  privacyPreservingInstrumentations,
} from './instrumentations';
export { TRACE_CONTEXT_HEADERS, contextFromHeaders, currentTraceHeaders, runUntraced } from './trace-context';
export { markPendingEvents, outboxTelemetryPlugin } from './outbox-telemetry';
