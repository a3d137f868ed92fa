import { deadLetterTopicOf } from '@relais/contracts';
import { DeadLetterHeaders } from '../delivery/dead-letter';
import type { DeliveredEnvelope } from '../event-bus';
import {
  ContractTransientError,
  HAPPENED,
  uniqueGroup,
  useContractFixture,
  type EventBusContractHarness,
} from './contract-support';
import { anEnvelope } from './envelopes';

/** More failures than any harness's maxAttempts: had they counted, the message would be a dead letter. */
const TRANSIENT_FAILURES = 7;

/** Failures the bus's `isTransient` calls transient (an outage) are retried without limit, never dead-lettered. */
export function describeTransientFailureContract(
  adapterName: string,
  createHarness: () => Promise<EventBusContractHarness>,
): void {
  describe(`EventBus contract: ${adapterName}, transient failures`, () => {
    const fixture = useContractFixture(createHarness);

    it('retries a transient failure beyond maxAttempts and handles the message once when the outage ends', async () => {
      const { harness, topic, eventually } = fixture();
      expect(TRANSIENT_FAILURES).toBeGreaterThan(harness.maxAttempts);
      const flaky = anEnvelope(HAPPENED, {});
      const next = anEnvelope(HAPPENED, {});
      const attempts: number[] = [];
      const handled: string[] = [];
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            if (envelope.id === flaky.id) {
              attempts.push(delivery.attempt);
              if (delivery.attempt <= TRANSIENT_FAILURES) throw new ContractTransientError();
            }
            handled.push(envelope.id);
          },
        },
      });

      await harness.bus.publish(topic, [
        { key: 'k', envelope: flaky },
        { key: 'k', envelope: next },
      ]);

      await eventually(() => handled.includes(next.id), 'the message after the outage');
      expect(attempts).toEqual(Array.from({ length: TRANSIENT_FAILURES + 1 }, (_, i) => i + 1));
      expect(handled).toEqual([flaky.id, next.id]);
      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });

    it('still dead-letters after maxAttempts failures that are not transient, transient ones not counted', async () => {
      const { harness, topic, eventually } = fixture();
      const transientFirst = 2;
      const doomed = anEnvelope(HAPPENED, {});
      const next = anEnvelope(HAPPENED, {});
      const calls: string[] = [];
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            calls.push(envelope.id === doomed.id ? 'doomed' : 'next');
            if (envelope.id !== doomed.id) return;
            if (delivery.attempt <= transientFirst) throw new ContractTransientError();
            throw new TypeError('this message cannot be handled');
          },
        },
      });

      await harness.bus.publish(topic, [
        { key: 'k', envelope: doomed },
        { key: 'k', envelope: next },
      ]);

      await eventually(() => calls.includes('next'), 'the message after the dead letter');
      expect(calls.filter((call) => call === 'doomed')).toHaveLength(transientFirst + harness.maxAttempts);
      const letters = await harness.readTopic(deadLetterTopicOf(topic));
      expect(letters).toHaveLength(1);
      expect(letters[0]?.headers[DeadLetterHeaders.attempts]).toBe(
        String(transientFirst + harness.maxAttempts),
      );
      expect(letters[0]?.headers[DeadLetterHeaders.reason]).toMatch(/^TypeError/);
    });

    it('makes a batch call again after a transient failure, without falling back to single handling', async () => {
      const { harness, topic, eventually } = fixture();
      const envelopes = [anEnvelope(HAPPENED, {}), anEnvelope(HAPPENED, {})];
      await harness.bus.publish(
        topic,
        envelopes.map((envelope) => ({ key: 'k', envelope })),
      );
      const calls: DeliveredEnvelope[][] = [];
      const singles: string[] = [];
      let succeeded = false;
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: { [HAPPENED]: async (envelope) => void singles.push(envelope.id) },
        batchHandler: async (items) => {
          calls.push([...items]);
          if (calls.length <= TRANSIENT_FAILURES) throw new ContractTransientError();
          succeeded = true;
        },
      });

      await eventually(() => succeeded, 'the batch after the outage');
      const ids = envelopes.map((envelope) => envelope.id);
      expect(calls.map((call) => call.map((item) => item.envelope.id))).toEqual(
        Array.from({ length: TRANSIENT_FAILURES + 1 }, () => ids),
      );
      expect(calls.map((call) => call[0]?.delivery.attempt)).toEqual(
        Array.from({ length: TRANSIENT_FAILURES + 1 }, (_, i) => i + 1),
      );
      expect(singles).toEqual([]);
      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });

    it('stops retrying a transient failure when the bus closes', async () => {
      const { harness, topic, eventually } = fixture();
      let attempts = 0;
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async () => {
            attempts += 1;
            throw new ContractTransientError();
          },
        },
      });
      await harness.bus.publish(topic, [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]);
      await eventually(() => attempts > 1, 'a few transient failures');

      // Had the consumer kept retrying, close() would wait for it forever and the test time out.
      await expect(harness.bus.close()).resolves.toBeUndefined();

      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });
  });
}
