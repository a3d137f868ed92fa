import { setTimeout as sleep } from 'node:timers/promises';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { BusLogger } from '../bus-logger';
import type { DeliveredMessage, Subscription } from '../event-bus';
import { deadLetterTopicOf } from '@relais/contracts';
import { DeadLetterHeaders, type DeadLetter } from './dead-letter';
import { decodeEnvelope } from './envelope-validation';
import { pauseBeforeRetry, type RetryPauseControl } from './pause-before-retry';
import type { RetryPolicy } from './retry-policy';
import { describeError, errorName } from './scrub-error';
import { countDeadLetter, countTransientRetry } from '../telemetry/bus-metrics';
import {
  DELIVERY_OUTCOME_ATTRIBUTE,
  EVENT_TYPE_ATTRIBUTE,
  withProcessSpan,
} from '../telemetry/message-spans';

/** A message as read from a partition, before decoding. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  value: Buffer | string | null;
}

export type DeliveryOutcome = 'handled' | 'skipped' | 'dead-lettered' | 'abandoned';

export interface DeliveryContext extends RetryPauseControl {
  retry: RetryPolicy;
  logger: BusLogger;
  sendToDeadLetter(letter: DeadLetter): Promise<void>;
}

/**
 * The delivery rules both adapters share: decode, dispatch by type, retry with backoff, dead-letter;
 * a failure the policy calls transient is retried until it succeeds, without counting. Resolves once
 * the message may be committed, or 'abandoned' when it must not be (the consumer died, or stopped
 * while waiting out a transient failure). Rejects only when the dead-letter publish itself fails or a
 * heartbeat says the partition is lost, so the caller leaves the offset uncommitted and the message
 * comes back.
 */
export async function processDelivery(
  subscription: Subscription,
  message: ReceivedMessage,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  return withProcessSpan(subscription.groupId, message, async (span) => {
    const outcome = await deliver(subscription, message, context, span);
    span.setAttribute(DELIVERY_OUTCOME_ATTRIBUTE, outcome);
    if (outcome === 'dead-lettered') span.setStatus({ code: SpanStatusCode.ERROR });
    return outcome;
  });
}

async function deliver(
  subscription: Subscription,
  message: ReceivedMessage,
  context: DeliveryContext,
  span: Span,
): Promise<DeliveryOutcome> {
  const position = { topic: message.topic, partition: message.partition, offset: message.offset };
  const decoded = decodeEnvelope(message.value);
  if (!decoded.ok) {
    context.logger.warn(
      { ...position, reason: decoded.reason },
      'poison message sent to the dead-letter topic',
    );
    await context.sendToDeadLetter(deadLetterFor(message, decoded.reason, 0));
    countDeadLetter(message.topic, subscription.groupId, 'poison');
    return 'dead-lettered';
  }
  const { envelope } = decoded;
  span.setAttribute(EVENT_TYPE_ATTRIBUTE, envelope.type);
  span.setAttribute('messaging.message.id', envelope.id);
  const handler = subscription.handlers[envelope.type];
  if (!handler) {
    context.logger.debug({ ...position, type: envelope.type }, 'no handler for this event type: skipped');
    return 'skipped';
  }
  let failures = 0;
  let transientFailures = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await handler(envelope, deliveredMessageOf(message, attempt));
      return context.isAbandoned?.() ? 'abandoned' : 'handled';
    } catch (error) {
      if (context.isAbandoned?.()) return 'abandoned';
      if (context.retry.isTransient(error)) {
        transientFailures += 1;
        reportTransientFailure(
          subscription,
          { ...position, type: envelope.type, attempt },
          error,
          context,
          span,
        );
        const delay = context.retry.transientDelayAfter(transientFailures);
        if (!(await pauseBeforeRetry(delay, context))) return 'abandoned';
        continue;
      }
      transientFailures = 0;
      failures += 1;
      const reason = describeError(error);
      const fields = { ...position, type: envelope.type, attempt, error: reason };
      // The error's type only: its message may quote what the handler was working on.
      span.addEvent('handler failed', { 'relais.delivery.attempt': attempt, 'error.type': errorName(error) });
      if (failures >= context.retry.maxAttempts) {
        context.logger.error(fields, 'handler kept failing: message sent to the dead-letter topic');
        await context.sendToDeadLetter(deadLetterFor(message, reason, attempt));
        countDeadLetter(message.topic, subscription.groupId, 'handler-failed');
        return 'dead-lettered';
      }
      context.logger.warn(fields, 'handler failed: retrying');
      await sleep(context.retry.delayAfter(failures));
      if (context.isAbandoned?.()) return 'abandoned';
    }
  }
}

/**
 * Logs at warn with the error's name only (its message may quote what the handler was working on, and
 * a long outage repeats it at every attempt), counts it and marks the span; the caller waits and retries.
 */
/** What a handler is told of a message: where it was read, and which attempt this is. */
export function deliveredMessageOf(message: ReceivedMessage, attempt: number): DeliveredMessage {
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    headers: { ...message.headers },
    attempt,
  };
}

export function reportTransientFailure(
  subscription: Subscription,
  fields: Record<string, string | number>,
  error: unknown,
  context: DeliveryContext,
  span: Span,
): void {
  const type = errorName(error);
  context.logger.warn(
    { ...fields, error: type },
    'handler failed on a transient error: retrying until it succeeds',
  );
  countTransientRetry(subscription.topic, subscription.groupId);
  span.addEvent('handler failed', {
    ...(typeof fields.attempt === 'number' ? { 'relais.delivery.attempt': fields.attempt } : {}),
    'error.type': type,
    'relais.delivery.transient': true,
  });
}

function deadLetterFor(message: ReceivedMessage, reason: string, attempts: number): DeadLetter {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.sourceTopic]: message.topic,
      [DeadLetterHeaders.sourcePartition]: String(message.partition),
      [DeadLetterHeaders.sourceOffset]: message.offset,
      [DeadLetterHeaders.attempts]: String(attempts),
    },
  };
}
