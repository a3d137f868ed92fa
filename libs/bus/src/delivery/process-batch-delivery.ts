import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { EventEnvelope } from '@relais/contracts';
import type { BatchHandler, DeliveredEnvelope, Subscription } from '../event-bus';
import { DELIVERY_OUTCOME_ATTRIBUTE, withBatchProcessSpan } from '../telemetry/message-spans';
import { decodeEnvelope } from './envelope-validation';
import { pauseBeforeRetry } from './pause-before-retry';
import {
  deliveredMessageOf,
  processDelivery,
  reportTransientFailure,
  type DeliveryContext,
  type DeliveryOutcome,
  type ReceivedMessage,
} from './process-delivery';
import { errorName } from './scrub-error';

/** A message may be committed once settled; the caller is told in offset order, and awaited. */
export type SettledOutcome = Exclude<DeliveryOutcome, 'abandoned'>;

export interface RunContext extends DeliveryContext {
  settled(message: ReceivedMessage, outcome: SettledOutcome): Promise<void> | void;
}

/** 'interrupted': the consumer stopped or died before every message of the run was settled. */
export type RunResult = 'complete' | 'interrupted';

interface BatchItem {
  message: ReceivedMessage;
  envelope: EventEnvelope;
}

type BatchOutcome = 'handled' | 'fallback' | 'abandoned';

/**
 * A run of consecutive messages of one partition through a subscription's batch handler. Poison
 * messages and types without a handler take the single path (a dead letter, a skip) as they always
 * do; the others go, in order, to ONE call of the batch handler. If that call resolves, the whole run
 * is settled; if it fails on a transient error it is made again; any other failure sends each of its
 * messages down the single path, with per-type handlers, retries and dead letters, so that one bad
 * message costs one dead letter and the partition keeps flowing.
 */
export async function processBatchDelivery(
  subscription: Subscription,
  batchHandler: BatchHandler,
  messages: readonly ReceivedMessage[],
  context: RunContext,
): Promise<RunResult> {
  if (context.isStopping?.()) return 'interrupted';
  const items: BatchItem[] = [];
  const settledAlready = new Map<ReceivedMessage, SettledOutcome>();
  for (const message of messages) {
    const decoded = decodeEnvelope(message.value);
    if (decoded.ok && subscription.handlers[decoded.envelope.type]) {
      items.push({ message, envelope: decoded.envelope });
      continue;
    }
    const outcome = await processDelivery(subscription, message, context);
    if (outcome === 'abandoned') return 'interrupted';
    settledAlready.set(message, outcome);
  }

  const [first, ...others] = items;
  const batchOutcome: BatchOutcome = first
    ? await withBatchProcessSpan(
        subscription.groupId,
        [first.message, ...others.map((item) => item.message)],
        async (span) => {
          const outcome = await callBatchHandler(subscription, batchHandler, items, context, span);
          span.setAttribute(DELIVERY_OUTCOME_ATTRIBUTE, outcome);
          if (outcome === 'fallback') span.setStatus({ code: SpanStatusCode.ERROR });
          return outcome;
        },
      )
    : 'handled';
  if (batchOutcome === 'abandoned') return 'interrupted';

  for (const message of messages) {
    let outcome = settledAlready.get(message);
    if (outcome === undefined) {
      if (batchOutcome === 'handled') {
        outcome = 'handled';
      } else {
        if (context.isStopping?.()) return 'interrupted';
        const single = await processDelivery(subscription, message, context);
        if (single === 'abandoned') return 'interrupted';
        outcome = single;
      }
    }
    await context.settled(message, outcome);
  }
  return 'complete';
}

async function callBatchHandler(
  subscription: Subscription,
  batchHandler: BatchHandler,
  items: readonly BatchItem[],
  context: RunContext,
  span: Span,
): Promise<BatchOutcome> {
  let transientFailures = 0;
  for (let call = 1; ; call++) {
    try {
      await batchHandler(items.map((item) => deliveredEnvelope(item, call)));
      return context.isAbandoned?.() ? 'abandoned' : 'handled';
    } catch (error) {
      if (context.isAbandoned?.()) return 'abandoned';
      const position = positionOf(items);
      if (context.retry.isTransient(error)) {
        transientFailures += 1;
        reportTransientFailure(subscription, { ...position, attempt: call }, error, context, span);
        const delay = context.retry.transientDelayAfter(transientFailures);
        if (!(await pauseBeforeRetry(delay, context))) return 'abandoned';
        continue;
      }
      // The error's type only: its message may quote what the handler was working on.
      span.addEvent('batch handler failed', { 'error.type': errorName(error) });
      context.logger.warn(
        { ...position, error: errorName(error) },
        'batch handler failed: handling its messages one by one',
      );
      return 'fallback';
    }
  }
}

function deliveredEnvelope({ message, envelope }: BatchItem, attempt: number): DeliveredEnvelope {
  return { envelope, delivery: deliveredMessageOf(message, attempt) };
}

function positionOf(items: readonly BatchItem[]): Record<string, string | number> {
  const first = items[0]?.message;
  const last = items[items.length - 1]?.message;
  return {
    topic: first?.topic ?? '',
    partition: first?.partition ?? -1,
    firstOffset: first?.offset ?? '',
    lastOffset: last?.offset ?? '',
    count: items.length,
  };
}
