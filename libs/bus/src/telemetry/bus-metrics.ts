import { metrics } from '@opentelemetry/api';
import type { Counter, MeterProvider, ObservableResult } from '@opentelemetry/api';

/**
 * The bus's metrics, through the OpenTelemetry API only: without an SDK in the process they cost
 * nothing. Labels name topics, groups and partitions; never a key, an id or anything from a payload.
 */
const METER = '@relais/bus';

export const CONSUMER_LAG_METRIC = 'relais.bus.consumer.lag';
export const DEAD_LETTERS_METRIC = 'relais.bus.dead_letters';
export const TRANSIENT_RETRIES_METRIC = 'relais.bus.handler.transient_retries';

export type DeadLetterReason = 'poison' | 'handler-failed';

/**
 * A counter made on first use, and again when the global provider changes: the metrics API has no
 * proxy, so an instrument made before telemetry started would record nothing, ever.
 */
function lazyCounter(name: string, description: string): () => Counter {
  let made: { provider: MeterProvider; counter: Counter } | undefined;
  return () => {
    const provider = metrics.getMeterProvider();
    if (made?.provider !== provider) {
      made = {
        provider,
        counter: provider.getMeter(METER).createCounter(name, { description, unit: '{message}' }),
      };
    }
    return made.counter;
  };
}

const deadLetterCounter = lazyCounter(
  DEAD_LETTERS_METRIC,
  'Messages sent to <topic>.dlq, per source topic, consumer group and reason',
);

const transientRetryCounter = lazyCounter(
  TRANSIENT_RETRIES_METRIC,
  'Handler failures judged transient (an outage, not the message) and retried without limit, per topic and consumer group',
);

export function countDeadLetter(topic: string, groupId: string, reason: DeadLetterReason): void {
  deadLetterCounter().add(1, {
    'messaging.destination.name': topic,
    'messaging.consumer.group.name': groupId,
    'relais.dead_letter.reason': reason,
  });
}

/** One per failed call: a batch call counts once, as it is one call that will be made again. */
export function countTransientRetry(topic: string, groupId: string): void {
  transientRetryCounter().add(1, {
    'messaging.destination.name': topic,
    'messaging.consumer.group.name': groupId,
  });
}

export interface PartitionLag {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Registers an observable gauge of consumer lag (messages on a partition not yet committed by a
 * group), read at each collection. Call it once the subscriptions exist and telemetry is started;
 * the returned function unregisters it.
 */
export function observeConsumerLag(read: () => Promise<readonly PartitionLag[]>): () => void {
  const gauge = metrics.getMeter(METER).createObservableGauge(CONSUMER_LAG_METRIC, {
    description: 'Messages not yet committed by a consumer group, per topic and partition',
    unit: '{message}',
  });
  const callback = async (result: ObservableResult) => {
    for (const { groupId, topic, partition, lag } of await read()) {
      result.observe(lag, {
        'messaging.consumer.group.name': groupId,
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
      });
    }
  };
  gauge.addCallback(callback);
  return () => gauge.removeCallback(callback);
}
