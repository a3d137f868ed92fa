import { DEFAULT_MAX_BATCH_SIZE, type Subscription } from '../event-bus';
import { processBatchDelivery, type RunContext, type RunResult } from './process-batch-delivery';
import { processDelivery, type ReceivedMessage } from './process-delivery';

export type { RunContext, RunResult, SettledOutcome } from './process-batch-delivery';

/**
 * How many consecutive messages of a partition an adapter hands to `processRun` at once: the batch
 * size with a batch handler, else one, so that ownership and stop requests are checked between
 * messages exactly as before batches existed.
 */
export function runSizeOf(subscription: Subscription): number {
  if (!subscription.batchHandler) return 1;
  const size = subscription.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`maxBatchSize must be a positive integer, got ${size}`);
  }
  return size;
}

/** How many partitions a consumer may hand over at once (the Kafka adapter's fetch; default 1). */
export function concurrentPartitionsOf(subscription: Subscription): number {
  const count = subscription.concurrentPartitions ?? 1;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`concurrentPartitions must be a positive integer, got ${count}`);
  }
  return count;
}

/**
 * Consecutive messages of one partition, in offset order, through the subscription: to its batch
 * handler when it has one, else one by one to its per-type handlers. Each message is `settled` (may
 * be committed) in order, only once its handler finished; the adapters only fetch and commit.
 */
export async function processRun(
  subscription: Subscription,
  messages: readonly ReceivedMessage[],
  context: RunContext,
): Promise<RunResult> {
  if (subscription.batchHandler) {
    return processBatchDelivery(subscription, subscription.batchHandler, messages, context);
  }
  for (const message of messages) {
    if (context.isStopping?.()) return 'interrupted';
    const outcome = await processDelivery(subscription, message, context);
    if (outcome === 'abandoned') return 'interrupted';
    await context.settled(message, outcome);
  }
  return 'complete';
}
