import type { Attributes, AttributeValue, SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';
import { maskStatement } from './statement-masking';

/**
 * The last line of defence of docs/design.md §7: whatever an instrumentation (or a forgotten setting)
 * recorded, exported spans carry no identity, no Kafka key, no query string, no statement values
 * and no exception message.
 */

/** Attributes removed outright, by exact key. */
export const DENIED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'messaging.kafka.message.key',
  'url.query',
  // Client IP addresses and user agents are personal data (and tracking, which L2 forbids).
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
  'net.peer.ip',
  'net.sock.peer.addr',
  'http.client_ip',
  'user_agent.original',
  'http.user_agent',
  'exception.message',
]);

/** Attributes removed by prefix: identities and captured headers. */
export const DENIED_ATTRIBUTE_PREFIXES: readonly string[] = [
  'enduser.',
  'user.',
  'http.request.header.',
  'http.response.header.',
  'db.query.parameter.',
];

/** URL-valued attributes kept without their query string and fragment. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['url.full', 'url.original', 'http.url']);

/**
 * Raw paths carry ids (`/courses/c1/enrollments/<teacherId>/completion`): they are replaced by the
 * route template when the span has one, and dropped otherwise.
 */
export const RAW_PATH_ATTRIBUTES: ReadonlySet<string> = new Set(['url.path', 'http.target']);

/** Statement attributes kept with values replaced by '?'. */
export const STATEMENT_ATTRIBUTES: ReadonlySet<string> = new Set(['db.statement', 'db.query.text']);

export const SCRUBBED_MESSAGE = 'message removed by the privacy filter';

export function stripQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function isDenied(key: string): boolean {
  return DENIED_ATTRIBUTES.has(key) || DENIED_ATTRIBUTE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function redactValue(key: string, value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  if (URL_ATTRIBUTES.has(key)) return stripQuery(value);
  if (STATEMENT_ATTRIBUTES.has(key)) return maskStatement(value);
  return value;
}

export function redactAttributes(attributes: Attributes): Attributes {
  const route = attributes['http.route'];
  const redacted: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || isDenied(key)) continue;
    if (RAW_PATH_ATTRIBUTES.has(key)) {
      if (typeof route === 'string') redacted[key] = route;
      continue;
    }
    redacted[key] = redactValue(key, value);
  }
  return redacted;
}

/** Stack frames stay (they are code locations); the first line, which repeats the message, goes. */
function scrubStackTrace(stack: string, type: AttributeValue | undefined): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [String(type ?? 'Error'), ...frames].join('\n');
}

function redactEvent(event: TimedEvent): TimedEvent {
  if (!event.attributes) return event;
  const attributes = redactAttributes(event.attributes);
  if (event.name === 'exception') {
    const original = event.attributes;
    if (original['exception.message'] !== undefined) attributes['exception.message'] = SCRUBBED_MESSAGE;
    const stack = original['exception.stacktrace'];
    if (typeof stack === 'string') {
      attributes['exception.stacktrace'] = scrubStackTrace(stack, original['exception.type']);
    }
  }
  return { ...event, attributes };
}

function redactStatus(status: SpanStatus): SpanStatus {
  // Instrumentations copy error messages into the status; the code is what matters.
  return status.message ? { code: status.code, message: SCRUBBED_MESSAGE } : status;
}

/** A redacted copy; the original span is left untouched (other processors may still read it). */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    duration: span.duration,
    ended: span.ended,
    status: redactStatus(span.status),
    attributes: redactAttributes(span.attributes),
    events: span.events.map(redactEvent),
    links: span.links.map((link) =>
      link.attributes ? { ...link, attributes: redactAttributes(link.attributes) } : link,
    ),
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}
