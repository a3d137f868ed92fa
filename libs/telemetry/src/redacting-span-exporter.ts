import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { redactSpan } from './span-redaction';

type ExportCallback = Parameters<SpanExporter['export']>[1];

/**
 * Wraps the real exporter so that every span is redacted right before it leaves the process.
 * An exporter wrapper rather than a span processor: processors see live, mutable spans shared
 * with other processors, while here we map immutable copies and nothing else can observe the
 * unredacted data on the way out.
 */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: ExportCallback): void {
    this.inner.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
