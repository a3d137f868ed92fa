import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Context, Span } from '@opentelemetry/api';

/**
 * Spans of the outbox → broker → consumer path, following the messaging semantic conventions, made
 * by the bus itself so that both adapters trace alike (see @relais/telemetry's instrumentations for
 * why not the kafkajs instrumentation). The W3C trace context travels in message headers; the only
 * attributes are topics, groups, partitions, offsets, event types and event ids: never a message key
 * (often a user id) nor anything from a payload.
 */
const tracer = () => trace.getTracer('@relais/bus');

export const EVENT_TYPE_ATTRIBUTE = 'relais.event.type';
export const DELIVERY_OUTCOME_ATTRIBUTE = 'relais.delivery.outcome';

function contextOf(headers: Readonly<Record<string, string>> | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, headers ?? {});
}

export interface PublishSpan {
  span: Span;
  /** The message's headers, with the trace context now pointing at the publish span. */
  headers: Record<string, string>;
}

/**
 * A PRODUCER span for one event, child of the context stored with it when it was written (the
 * request's), so that a trace runs from the request through the outbox to every consumer.
 */
export function startPublishSpan(
  topic: string,
  event: { id: string; type: string },
  storedHeaders: Readonly<Record<string, string>> | undefined,
): PublishSpan {
  const parent = contextOf(storedHeaders);
  const span = tracer().startSpan(
    `send ${topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': topic,
        'messaging.message.id': event.id,
        [EVENT_TYPE_ATTRIBUTE]: event.type,
      },
    },
    parent,
  );
  const injected: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), injected);
  // Without telemetry in this process nothing is injected: the stored context then goes on as it is.
  const headers =
    injected['traceparent'] === undefined ? { ...storedHeaders } : { ...storedHeaders, ...injected };
  return { span, headers };
}

export function endPublishSpans(spans: readonly Span[], failure?: unknown): void {
  for (const span of spans) {
    if (failure !== undefined) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', failure instanceof Error ? failure.name : 'Error');
    }
    span.end();
  }
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * Runs the processing of one message inside a CONSUMER span, child of the producer span its headers
 * name: the handler's own work (database calls, events it writes) joins the same trace.
 */
export async function withProcessSpan<T>(
  groupId: string,
  message: ConsumedMessage,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextOf(message.headers);
  const span = tracer().startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': groupId,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
      },
    },
    parent,
  );
  return runInSpan(parent, span, work);
}

export const BATCH_SIZE_ATTRIBUTE = 'messaging.batch.message_count';
export const BATCH_FIRST_OFFSET_ATTRIBUTE = 'relais.batch.first_offset';
export const BATCH_LAST_OFFSET_ATTRIBUTE = 'relais.batch.last_offset';

/**
 * Runs the processing of a run of messages of one partition inside ONE CONSUMER span, as the
 * messaging semantic conventions do for batches: its parent is the context of the first message (so
 * that a run of one continues its producer's trace exactly like a single delivery), and it links to
 * the context of every other message. The handler's own work runs inside it.
 */
export async function withBatchProcessSpan<T>(
  groupId: string,
  messages: readonly [ConsumedMessage, ...ConsumedMessage[]],
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const [first, ...others] = messages;
  const last = others[others.length - 1] ?? first;
  const parent = contextOf(first.headers);
  const links = others.flatMap((message) => {
    const linked = trace.getSpanContext(contextOf(message.headers));
    return linked && trace.isSpanContextValid(linked) ? [{ context: linked }] : [];
  });
  const span = tracer().startSpan(
    `process ${first.topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': first.topic,
        'messaging.consumer.group.name': groupId,
        'messaging.destination.partition.id': String(first.partition),
        [BATCH_SIZE_ATTRIBUTE]: messages.length,
        [BATCH_FIRST_OFFSET_ATTRIBUTE]: Number(first.offset),
        [BATCH_LAST_OFFSET_ATTRIBUTE]: Number(last.offset),
      },
    },
    parent,
  );
  return runInSpan(parent, span, work);
}

/** Runs `work` with `span` active, marks it failed if `work` throws, and always ends it. */
async function runInSpan<T>(parent: Context, span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
    throw error;
  } finally {
    span.end();
  }
}
