import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import type { ExpressInstrumentationConfig } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import type { MongoDBInstrumentationConfig } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import type {
  MongooseInstrumentationConfig,
  SerializerPayload,
} from '@opentelemetry/instrumentation-mongoose';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import type { PinoInstrumentationConfig } from '@opentelemetry/instrumentation-pino';
import { stripQuery } from './span-redaction';
import { maskValues } from './statement-masking';

/** Probe and scrape routes: traced, they would be most of the traces and tell nothing. */
export const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

export function isUntracedRequest(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has(stripQuery(request.url ?? ''));
}

const QUERY_BEARING_ATTRIBUTES = ['url.full', 'http.url', 'http.target', 'url.original'] as const;

/**
 * Spans cannot lose an attribute once set, so the hook overwrites query-bearing attributes with
 * their path-only form; `url.query` itself is dropped by the RedactingSpanExporter.
 */
function dropQueryStrings(span: Span, _request?: unknown): void {
  // SDK spans are readable; a non-recording span has no attributes and nothing to fix.
  const attributes = (span as Partial<{ attributes: Record<string, unknown> }>).attributes ?? {};
  for (const key of QUERY_BEARING_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string') span.setAttribute(key, stripQuery(value));
  }
  if (attributes['url.query'] !== undefined) span.setAttribute('url.query', '');
}

/** The settings of docs/design.md §7, separate from construction so they can be checked without patching modules. */
export function instrumentationConfigs() {
  return {
    http: {
      ignoreIncomingRequestHook: isUntracedRequest,
      // No header is ever captured, whatever the defaults become.
      headersToSpanAttributes: { client: {}, server: {} },
      requestHook: dropQueryStrings,
      enableSyntheticSourceDetection: false,
    } satisfies HttpInstrumentationConfig,
    express: {} satisfies ExpressInstrumentationConfig,
    mongodb: {
      enhancedDatabaseReporting: false,
      dbStatementSerializer: (command: Record<string, unknown>) => JSON.stringify(maskValues(command)),
    } satisfies MongoDBInstrumentationConfig,
    mongoose: {
      dbStatementSerializer: (operation: string, payload: SerializerPayload) =>
        JSON.stringify({ operation, ...(maskValues(payload) as object) }),
    } satisfies MongooseInstrumentationConfig,
    pino: {
      // Trace and span ids on every line written inside a traced context; lines stay on stdout only.
      disableLogSending: true,
      logKeys: { traceId: 'trace_id', spanId: 'span_id', traceFlags: 'trace_flags' },
    } satisfies PinoInstrumentationConfig,
  };
}

/**
 * The instrumentations Relais uses, and only those, each with its privacy settings.
 *
 * Not the kafkajs instrumentation: @relais/bus traces publication and processing itself, per event.
 * The kafkajs one parents a producer span on whatever context is active when a batch is sent and
 * writes that context over each message's `traceparent`, so a relay batch holding events of several
 * requests would lose all of their traces; and its batch consumer runs handlers under a root `poll`
 * span, so their database calls would start traces of their own.
 */
export function privacyPreservingInstrumentations() {
  const configs = instrumentationConfigs();
  return [
    new HttpInstrumentation(configs.http),
    new ExpressInstrumentation(configs.express),
    new MongoDBInstrumentation(configs.mongodb),
    new MongooseInstrumentation(configs.mongoose),
    new PinoInstrumentation(configs.pino),
  ];
}
