import { setTimeout as sleep } from 'node:timers/promises';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { BusLogger } from '../bus-logger';
import type { DeliveredMessage, Subscription } from '../event-bus';
import { DeadLetterHeaders, deadLetterTopicOf, type DeadLetter } from './dead-letter';
import { decodeEnvelope } from './envelope-validation';
import type { RetryPolicy } from './retry-policy';
import { describeError, errorName } from './scrub-error';
import { countDeadLetter } from '../telemetry/bus-metrics';
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

export interface DeliveryContext {
  retry: RetryPolicy;
  logger: BusLogger;
  sendToDeadLetter(letter: DeadLetter): Promise<void>;
  /** True once the consumer died (simulated crash): stop retrying and commit nothing. */
  isAbandoned?(): boolean;
}

/**
 * The delivery rules both adapters share: decode, dispatch by type, retry with backoff, dead-letter.
 * Resolves once the message may be committed (or 'abandoned': it must not be). Rejects only when the
 * dead-letter publish itself fails, so the caller leaves the offset uncommitted and the message comes back.
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
  for (let attempt = 1; ; attempt++) {
    const delivery: DeliveredMessage = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      headers: { ...message.headers },
      attempt,
    };
    try {
      await handler(envelope, delivery);
      return context.isAbandoned?.() ? 'abandoned' : 'handled';
    } catch (error) {
      if (context.isAbandoned?.()) return 'abandoned';
      const reason = describeError(error);
      const fields = { ...position, type: envelope.type, attempt, error: reason };
      // The error's type only: its message may quote what the handler was working on.
      span.addEvent('handler failed', { 'relais.delivery.attempt': attempt, 'error.type': errorName(error) });
      if (attempt >= context.retry.maxAttempts) {
        context.logger.error(fields, 'handler kept failing: message sent to the dead-letter topic');
        await context.sendToDeadLetter(deadLetterFor(message, reason, attempt));
        countDeadLetter(message.topic, subscription.groupId, 'handler-failed');
        return 'dead-lettered';
      }
      context.logger.warn(fields, 'handler failed: retrying');
      await sleep(context.retry.delayAfter(attempt));
      if (context.isAbandoned?.()) return 'abandoned';
    }
  }
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
