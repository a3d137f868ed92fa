import { setTimeout as sleep } from 'node:timers/promises';
import { deadLetterTopicOf } from '@relais/contracts';
import { DeadLetterHeaders } from '../delivery/dead-letter';
import { EventBusClosedError, InvalidEnvelopeError } from '../errors';
import type { DeliveredMessage, Subscription } from '../event-bus';
import { deferred, waitFor } from './async-helpers';
import { describeBatchDeliveryContract } from './batch-delivery-contract';
import {
  HAPPENED,
  IGNORED,
  TRACEPARENT,
  uniqueGroup,
  type EventBusContractHarness,
  type Received,
} from './contract-support';
import { anEnvelope } from './envelopes';
import { describeTransientFailureContract } from './transient-failure-contract';

export type { EventBusContractHarness, RawRecord } from './contract-support';

/** The semantics every EventBus adapter must have (docs/design.md §3: one contract suite per adapter pair). */
export function describeEventBusContract(
  adapterName: string,
  createHarness: () => Promise<EventBusContractHarness>,
): void {
  describe(`EventBus contract: ${adapterName}`, () => {
    let harness: EventBusContractHarness;
    let topic: string;

    beforeEach(async () => {
      harness = await createHarness();
      topic = await harness.newTopic();
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    const eventually = (condition: () => boolean, what: string): Promise<void> =>
      waitFor(condition, harness.deliveryTimeoutMs, what);

    const recordingSubscription = (received: Received[], groupId = uniqueGroup()): Subscription => ({
      groupId,
      topic,
      fromBeginning: true,
      handlers: {
        [HAPPENED]: async (envelope, delivery) => {
          received.push({ envelope, delivery });
        },
      },
    });

    it('reports itself ready', async () => {
      await expect(harness.bus.ready()).resolves.toBeUndefined();
    });

    it('delivers a published envelope with its key and headers', async () => {
      const received: Received[] = [];
      await harness.bus.subscribe(recordingSubscription(received));
      const envelope = anEnvelope(HAPPENED, { course: 'c-1', hours: 3 });

      await harness.bus.publish(topic, [{ key: 'key-1', envelope, headers: { traceparent: TRACEPARENT } }]);

      await eventually(() => received.length === 1, 'the delivery');
      const [only] = received;
      expect(only?.envelope).toEqual(envelope);
      expect(only?.delivery).toMatchObject({
        topic,
        key: 'key-1',
        attempt: 1,
        headers: { traceparent: TRACEPARENT },
      });
      expect(only?.delivery.offset).toMatch(/^\d+$/);
      expect(only?.delivery.partition).toBeGreaterThanOrEqual(0);
    });

    it('refuses to publish an invalid envelope, and publishes nothing of that call', async () => {
      const received: Received[] = [];
      await harness.bus.subscribe(recordingSubscription(received));
      const valid = anEnvelope(HAPPENED, {});
      const invalid = { ...anEnvelope(HAPPENED, {}), id: 'not-a-uuid' };

      await expect(
        harness.bus.publish(topic, [
          { key: 'k', envelope: valid },
          { key: 'k', envelope: invalid },
        ]),
      ).rejects.toThrow(InvalidEnvelopeError);
      const after = anEnvelope(HAPPENED, {});
      await harness.bus.publish(topic, [{ key: 'k', envelope: after }]);

      await eventually(() => received.length >= 1, 'the valid message');
      expect(received.map((r) => r.envelope.id)).toEqual([after.id]);
    });

    it('keeps the order of messages with the same key', async () => {
      const keys = ['alpha', 'bravo', 'charlie', 'delta'];
      const perKey = 10;
      const seen = new Map<string, number[]>(keys.map((key) => [key, []]));
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            await sleep(0); // yield, so that partitions interleave
            seen.get(delivery.key)?.push((envelope.data as { seq: number }).seq);
          },
        },
      });

      for (const half of [0, 1]) {
        const messages = [];
        for (let seq = half * (perKey / 2); seq < (half + 1) * (perKey / 2); seq++) {
          for (const key of keys) messages.push({ key, envelope: anEnvelope(HAPPENED, { seq }) });
        }
        await harness.bus.publish(topic, messages);
      }

      const total = (): number => [...seen.values()].reduce((sum, list) => sum + list.length, 0);
      await eventually(() => total() === keys.length * perKey, 'every message');
      const inOrder = Array.from({ length: perKey }, (_, seq) => seq);
      for (const key of keys) expect(seen.get(key)).toEqual(inOrder);
    });

    it('gives every message to each group, and shares a group among its members', async () => {
      const groupA: Received[] = [];
      const groupB: Received[] = [];
      const sharedGroup = uniqueGroup();
      const memberOne: Received[] = [];
      const memberTwo: Received[] = [];
      await harness.bus.subscribe(recordingSubscription(groupA));
      await harness.bus.subscribe(recordingSubscription(groupB));
      await harness.bus.subscribe(recordingSubscription(memberOne, sharedGroup));
      await harness.bus.subscribe(recordingSubscription(memberTwo, sharedGroup));
      const envelopes = Array.from({ length: 12 }, (_, n) => anEnvelope(HAPPENED, { n }));

      await harness.bus.publish(
        topic,
        envelopes.map((envelope, n) => ({ key: `member-key-${n}`, envelope })),
      );

      const all = envelopes.map((e) => e.id).sort();
      const ids = (received: Received[]): string[] => received.map((r) => r.envelope.id).sort();
      await eventually(
        () => groupA.length === 12 && groupB.length === 12 && memberOne.length + memberTwo.length === 12,
        'every group to receive everything',
      );
      expect(ids(groupA)).toEqual(all);
      expect(ids(groupB)).toEqual(all);
      expect(ids([...memberOne, ...memberTwo])).toEqual(all);
      expect(memberOne.length).toBeGreaterThan(0);
      expect(memberTwo.length).toBeGreaterThan(0);
    });

    it('acknowledges and skips event types the subscription has no handler for', async () => {
      const received: Received[] = [];
      await harness.bus.subscribe(recordingSubscription(received));
      const ignored = anEnvelope(IGNORED, {});
      const handled = anEnvelope(HAPPENED, {});

      await harness.bus.publish(topic, [
        { key: 'k', envelope: ignored },
        { key: 'k', envelope: handled },
      ]);

      await eventually(() => received.length === 1, 'the handled message');
      expect(received[0]?.envelope.id).toBe(handled.id);
      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });

    it('sends a poison message to the dead-letter topic at once, and goes on with the next one', async () => {
      const received: Received[] = [];
      await harness.bus.subscribe(recordingSubscription(received));
      const notJson = 'this is {not json';
      const notAnEnvelope = JSON.stringify({ hello: 'Jeanne Martin' });
      const next = anEnvelope(HAPPENED, {});

      await harness.publishRaw(topic, {
        key: 'poisoned',
        value: notJson,
        headers: { traceparent: TRACEPARENT },
      });
      await harness.publishRaw(topic, { key: 'poisoned', value: notAnEnvelope });
      await harness.bus.publish(topic, [{ key: 'poisoned', envelope: next }]);

      await eventually(() => received.length === 1, 'the message after the poison');
      expect(received[0]?.envelope.id).toBe(next.id);
      const partition = String(received[0]?.delivery.partition);
      const letters = await harness.readTopic(deadLetterTopicOf(topic));
      expect(letters.map((letter) => letter.value)).toEqual([notJson, notAnEnvelope]);
      expect(letters.map((letter) => letter.headers[DeadLetterHeaders.sourceOffset])).toEqual(['0', '1']);
      for (const letter of letters) {
        expect(letter.key).toBe('poisoned');
        expect(letter.headers[DeadLetterHeaders.sourceTopic]).toBe(topic);
        expect(letter.headers[DeadLetterHeaders.sourcePartition]).toBe(partition);
        expect(letter.headers[DeadLetterHeaders.reason]).toMatch(/^PoisonMessage/);
        expect(letter.headers[DeadLetterHeaders.reason]).not.toContain('Jeanne');
        expect(letter.headers[DeadLetterHeaders.reason]).not.toContain('not json');
      }
      expect(letters[0]?.headers.traceparent).toBe(TRACEPARENT);
    });

    it('retries a failing handler and processes the message once when it recovers', async () => {
      expect(harness.maxAttempts).toBeGreaterThanOrEqual(4);
      const flaky = anEnvelope(HAPPENED, { flaky: true });
      const next = anEnvelope(HAPPENED, {});
      const attempts: number[] = [];
      const done: string[] = [];
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            if (envelope.id === flaky.id) {
              attempts.push(delivery.attempt);
              if (delivery.attempt <= 2) throw new Error('temporarily unavailable');
            }
            done.push(envelope.id);
          },
        },
      });

      await harness.bus.publish(topic, [
        { key: 'k', envelope: flaky },
        { key: 'k', envelope: next },
      ]);

      await eventually(() => done.includes(next.id), 'the next message');
      expect(attempts).toEqual([1, 2, 3]);
      expect(done).toEqual([flaky.id, next.id]);
      expect(await harness.readTopic(deadLetterTopicOf(topic))).toEqual([]);
    });

    it('dead-letters a message whose handler keeps failing, once, and keeps the partition flowing in order', async () => {
      const doomed = anEnvelope(HAPPENED, { name: 'Jeanne Martin' });
      const next = anEnvelope(HAPPENED, {});
      const calls: string[] = [];
      const deliveries: DeliveredMessage[] = [];
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope, delivery) => {
            calls.push(`${envelope.id === doomed.id ? 'doomed' : 'next'}#${delivery.attempt}`);
            deliveries.push(delivery);
            if (envelope.id === doomed.id) {
              throw new TypeError('cannot enroll teacher.01@example.org in 0690001A');
            }
          },
        },
      });

      await harness.bus.publish(topic, [
        { key: 'k', envelope: doomed, headers: { traceparent: TRACEPARENT } },
        { key: 'k', envelope: next },
      ]);

      await eventually(() => calls.includes('next#1'), 'the message after the dead letter');
      const expectedAttempts = Array.from({ length: harness.maxAttempts }, (_, i) => `doomed#${i + 1}`);
      expect(calls).toEqual([...expectedAttempts, 'next#1']);
      const letters = await harness.readTopic(deadLetterTopicOf(topic));
      expect(letters).toHaveLength(1);
      const [letter] = letters;
      expect(letter?.key).toBe('k');
      expect(JSON.parse(letter?.value ?? 'null')).toEqual(doomed);
      expect(letter?.headers).toMatchObject({
        traceparent: TRACEPARENT,
        [DeadLetterHeaders.sourceTopic]: topic,
        [DeadLetterHeaders.sourcePartition]: String(deliveries[0]?.partition),
        [DeadLetterHeaders.sourceOffset]: deliveries[0]?.offset,
        [DeadLetterHeaders.attempts]: String(harness.maxAttempts),
      });
      const reason = letter?.headers[DeadLetterHeaders.reason] ?? '';
      expect(reason).toMatch(/^TypeError: cannot enroll/);
      for (const personal of ['teacher.01', 'example.org', '0690001A', 'Jeanne']) {
        expect(reason).not.toContain(personal);
      }
    });

    it('delivers again a message whose consumer crashed before committing it', async () => {
      const first = anEnvelope(HAPPENED, {});
      const second = anEnvelope(HAPPENED, {});
      const handled: string[] = [];
      const stuck = deferred();
      const subscription: Subscription = {
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async (envelope) => {
            handled.push(envelope.id);
            const firstDelivery =
              envelope.id === first.id && handled.filter((id) => id === first.id).length === 1;
            if (firstDelivery) await stuck.promise; // dies inside this handler
          },
        },
      };
      await harness.bus.subscribe(subscription);
      await harness.bus.publish(topic, [
        { key: 'k', envelope: first },
        { key: 'k', envelope: second },
      ]);
      await eventually(() => handled.includes(first.id), 'the first delivery');

      try {
        await harness.crashAndRestart(subscription);
        await eventually(() => handled.includes(second.id), 'the redelivery and the next message');
        expect(handled).toEqual([first.id, first.id, second.id]);
      } finally {
        stuck.resolve();
      }
    });

    it('closes only after the in-flight handler finished', async () => {
      const entered = deferred();
      const release = deferred();
      const order: string[] = [];
      await harness.bus.subscribe({
        groupId: uniqueGroup(),
        topic,
        fromBeginning: true,
        handlers: {
          [HAPPENED]: async () => {
            entered.resolve();
            await release.promise;
            order.push('handler finished');
          },
        },
      });
      await harness.bus.publish(topic, [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]);
      await entered.promise;

      const closed = harness.bus.close().then(() => order.push('close resolved'));
      // Release the handler when close resolves, or after a while: if close did not wait, it comes first.
      await Promise.race([closed, sleep(500)]);
      release.resolve();
      await closed;

      expect(order).toEqual(['handler finished', 'close resolved']);
      await expect(
        harness.bus.publish(topic, [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]),
      ).rejects.toThrow(EventBusClosedError);
    });
  });

  describeBatchDeliveryContract(adapterName, createHarness);
  describeTransientFailureContract(adapterName, createHarness);
}
