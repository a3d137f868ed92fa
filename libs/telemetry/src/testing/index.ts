export { startInMemoryTracing, type InMemoryTracing } from './in-memory-tracing';
export { attributeOf, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
