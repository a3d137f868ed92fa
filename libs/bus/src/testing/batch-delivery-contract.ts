import { deferred } from './async-helpers';
import { deadLetterTopicOf } from '@relais/contracts';
import { DeadLetterHeaders } from '../delivery/dead-letter';
import type { DeliveredEnvelope, EventHandler, Subscription } from '../event-bus';
import {
  HAPPENED,
  IGNORED,
  uniqueGroup,
  useContractFixture,
  type EventBusContractHarness,
  type Received,
} from './contract-support';
import { anEnvelope } from './envelopes';

const idsOf = (items: readonly DeliveredEnvelope[]): string[] => items.map((item) => item.envelope.id);

/**
 * Batch delivery (Subscription.batchHandler): the same on every adapter. Messages are published
 * BEFORE subscribing, so that they are already available when the consumer fetches and come as one run.
 */
export function describeBatchDeliveryContract(
  adapterName: string,
  createHarness: () => Promise<EventBusContractHarness>,
): void {
  describe(`EventBus contract: ${adapterName}, batch delivery`, () => {
    const fixture = useContractFixture(createHarness);

    /** Records every batch call and every single-handler call; `onBatch` may refuse a call. */
    function batchSubscription(options: {
      calls: DeliveredEnvelope[][];
      singles?: Received[];
      maxBatchSize?: number;
      onBatch?: (items: readonly DeliveredEnvelope[], call: number) => Promise<void>;
      onSingle?: EventHandler;
    }): Subscription {
      return {
        groupId: uniqueGroup(),
        topic: fixture().topic,
        fromBeginning: true,
        maxBatchSize: options.maxBatchSize ?? 10,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            await options.onSingle?.(envelope, delivery);
            options.singles?.push({ envelope, delivery });
          },
        },
        batchHandler: async (items) => {
          options.calls.push([...items]);
          await options.onBatch?.(items, options.calls.length);
        },
      };
    }

    it('hands messages already on the topic to the batch handler in runs of one partition, in offset order', async () => {
      const { harness, topic, eventually } = fixture();
      const envelopes = Array.from({ length: 90 }, (_, n) => anEnvelope(HAPPENED, { n }));
      await harness.bus.publish(
        topic,
        envelopes.map((envelope, n) => ({ key: `batch-key-${n % 6}`, envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];
      const singles: Received[] = [];

      await harness.bus.subscribe(batchSubscription({ calls, singles, maxBatchSize: 10 }));

      await eventually(() => calls.flat().length >= envelopes.length, 'every message in batches');
      expect(Math.max(...calls.map((call) => call.length))).toBeGreaterThan(1);
      expect(calls.every((call) => call.length <= 10)).toBe(true);
      const lastOffsetOf = new Map<number, bigint>();
      for (const call of calls) {
        const partitions = new Set(call.map((item) => item.delivery.partition));
        expect(partitions.size).toBe(1);
        for (const { delivery } of call) {
          // Strictly increasing within a call and across the calls of a partition.
          const offset = BigInt(delivery.offset);
          expect(offset > (lastOffsetOf.get(delivery.partition) ?? -1n)).toBe(true);
          lastOffsetOf.set(delivery.partition, offset);
          expect(delivery.attempt).toBe(1);
        }
      }
      expect(calls.flatMap(idsOf).sort()).toEqual(envelopes.map((envelope) => envelope.id).sort());
      expect(singles).toEqual([]);
    });

    it('falls back to the single handlers when the batch handler rejects: one dead letter, the rest handled', async () => {
      const { harness, topic, eventually } = fixture();
      const before = anEnvelope(HAPPENED, {});
      const doomed = anEnvelope(HAPPENED, { doomed: true });
      const after = anEnvelope(HAPPENED, {});
      await harness.bus.publish(
        topic,
        [before, doomed, after].map((envelope) => ({ key: 'k', envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];
      const singles: Received[] = [];
      const batched: string[] = [];
      await harness.bus.subscribe(
        batchSubscription({
          calls,
          singles,
          onBatch: async (items) => {
            if (idsOf(items).includes(doomed.id)) throw new TypeError('cannot store this run');
            batched.push(...idsOf(items));
          },
          onSingle: async (envelope) => {
            if (envelope.id === doomed.id) throw new TypeError('cannot store this one');
          },
        }),
      );
      await eventually(() => singles.length === 2, 'the single handling of the others');

      const next = anEnvelope(HAPPENED, {});
      await harness.bus.publish(topic, [{ key: 'k', envelope: next }]);

      await eventually(() => batched.includes(next.id), 'the next message, batched again');
      expect(calls[0] && idsOf(calls[0])).toEqual([before.id, doomed.id, after.id]);
      expect(singles.map((single) => single.envelope.id)).toEqual([before.id, after.id]);
      expect(batched).toEqual([next.id]);
      const letters = await harness.readTopic(deadLetterTopicOf(topic));
      expect(letters).toHaveLength(1);
      expect(JSON.parse(letters[0]?.value ?? 'null')).toEqual(doomed);
      expect(letters[0]?.headers[DeadLetterHeaders.attempts]).toBe(String(harness.maxAttempts));
    });

    it('dead-letters a poison message inside a run and batches the rest', async () => {
      const { harness, topic, eventually } = fixture();
      const first = anEnvelope(HAPPENED, {});
      const second = anEnvelope(HAPPENED, {});
      const poison = 'this is {not json';
      await harness.bus.publish(topic, [{ key: 'k', envelope: first }]);
      await harness.publishRaw(topic, { key: 'k', value: poison });
      await harness.bus.publish(topic, [{ key: 'k', envelope: second }]);
      const calls: DeliveredEnvelope[][] = [];
      const singles: Received[] = [];

      await harness.bus.subscribe(batchSubscription({ calls, singles }));

      await eventually(() => calls.flat().length === 2, 'the batch around the poison');
      expect(calls.map(idsOf)).toEqual([[first.id, second.id]]);
      expect(singles).toEqual([]);
      const letters = await harness.readTopic(deadLetterTopicOf(topic));
      expect(letters.map((letter) => letter.value)).toEqual([poison]);
      expect(letters[0]?.headers[DeadLetterHeaders.reason]).toMatch(/^PoisonMessage/);
    });

    it('never passes types without a handler to the batch handler', async () => {
      const { harness, topic, eventually } = fixture();
      const handled = [anEnvelope(HAPPENED, {}), anEnvelope(HAPPENED, {})] as const;
      const interleaved = [anEnvelope(IGNORED, {}), handled[0], anEnvelope(IGNORED, {}), handled[1]];
      await harness.bus.publish(
        topic,
        interleaved.map((envelope) => ({ key: 'k', envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];

      await harness.bus.subscribe(batchSubscription({ calls }));

      await eventually(() => calls.flat().length === 2, 'the handled messages');
      expect(calls.map(idsOf)).toEqual([handled.map((envelope) => envelope.id)]);
      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });

    it('delivers a batch again when its consumer crashed before committing it', async () => {
      const { harness, topic, eventually } = fixture();
      const envelopes = [anEnvelope(HAPPENED, {}), anEnvelope(HAPPENED, {})];
      await harness.bus.publish(
        topic,
        envelopes.map((envelope) => ({ key: 'k', envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];
      const stuck = deferred();
      const subscription = batchSubscription({
        calls,
        onBatch: async (_, call) => {
          if (call === 1) await stuck.promise; // dies inside this handler
        },
      });
      await harness.bus.subscribe(subscription);
      await eventually(() => calls.length === 1, 'the first batch');

      try {
        await harness.crashAndRestart(subscription);
        await eventually(() => calls.length === 2, 'the batch delivered again');
        const ids = envelopes.map((envelope) => envelope.id);
        expect(calls.map(idsOf)).toEqual([ids, ids]);
      } finally {
        stuck.resolve();
      }
    });

    it('hands runs of several partitions over at once when concurrentPartitions allows it', async () => {
      const { harness, topic, eventually } = fixture();
      const envelopes = Array.from({ length: 30 }, (_, n) => anEnvelope(HAPPENED, { n }));
      await harness.bus.publish(
        topic,
        envelopes.map((envelope, n) => ({ key: `batch-key-${n % 6}`, envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];
      let inFlight = 0;
      let mostAtOnce = 0;
      await harness.bus.subscribe({
        ...batchSubscription({
          calls,
          onBatch: async () => {
            inFlight += 1;
            mostAtOnce = Math.max(mostAtOnce, inFlight);
            // Long enough for the consumer to hand over another partition meanwhile, if it may.
            await new Promise((resolve) => setTimeout(resolve, 300));
            inFlight -= 1;
          },
        }),
        concurrentPartitions: 6,
      });

      await eventually(() => calls.flat().length >= envelopes.length, 'every message in batches');
      expect(mostAtOnce).toBeGreaterThan(1);
      expect(new Set(calls.flat().map((item) => item.envelope.id)).size).toBe(envelopes.length);
    });

    it('refuses a concurrentPartitions that is not a positive integer', async () => {
      const { harness } = fixture();
      const calls: DeliveredEnvelope[][] = [];
      await expect(
        harness.bus.subscribe({ ...batchSubscription({ calls }), concurrentPartitions: 0 }),
      ).rejects.toThrow(RangeError);
    });

    it('refuses a maxBatchSize that is not a positive integer', async () => {
      const { harness } = fixture();
      const calls: DeliveredEnvelope[][] = [];
      await expect(harness.bus.subscribe(batchSubscription({ calls, maxBatchSize: 0 }))).rejects.toThrow(
        RangeError,
      );
    });
  });
}
