import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { RedactingSpanExporter } from '../redacting-span-exporter';

export interface InMemoryTracing {
  /** Spans as they would leave a production process: through the RedactingSpanExporter. */
  spans(): ReadableSpan[];
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * Global tracing for tests, set up as startTelemetry does (async context, W3C trace context only,
 * redaction before export), with finished spans kept in memory. Instrumentation of modules is not
 * part of it: that needs the loader hook of a real process (see register.ts).
 */
export function startInMemoryTracing(): InMemoryTracing {
  const memory = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: new RedactingSpanExporter(memory) })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    spans: () => memory.getFinishedSpans(),
    reset: () => memory.reset(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
