import { ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/** The only headers that carry trace context; nothing else from a carrier is ever copied. */
export const TRACE_CONTEXT_HEADERS = ['traceparent', 'tracestate'] as const;

/**
 * The W3C trace context of the active span as message headers (empty outside a traced context), to
 * be stored with an outbox event so that its publication continues the trace of the request.
 */
export function currentTraceHeaders(active: Context = context.active()): Record<string, string> {
  if (!trace.getSpan(active)?.spanContext()) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  const headers: Record<string, string> = {};
  for (const name of TRACE_CONTEXT_HEADERS) {
    const value = carrier[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** The context a message's headers carry (the root context when they carry none). */
export function contextFromHeaders(headers: Readonly<Record<string, string>> | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {});
}

/**
 * Runs work that must not create spans: the outbox relay's polling and the metrics' backlog queries
 * would otherwise start a new trace every few hundred milliseconds, each telling nothing.
 */
export function runUntraced<T>(work: () => T): T {
  return context.with(suppressTracing(context.active()), work);
}
