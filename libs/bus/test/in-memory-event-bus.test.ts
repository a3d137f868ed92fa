import { jest } from '@jest/globals';
import { Partitioners } from 'kafkajs';
import { anEnvelope, describeEventBusContract, isContractTransientError, waitFor } from '@relais/bus/testing';
import { EventBusClosedError } from '../src/errors';
import { InMemoryEventBus } from '../src/memory/in-memory-event-bus';

const MAX_ATTEMPTS = 4;

describeEventBusContract('in-memory', async () => {
  const bus = new InMemoryEventBus({
    partitions: 3,
    maxAttempts: MAX_ATTEMPTS,
    retryBackoffMs: { initial: 1, max: 2 },
    isTransient: isContractTransientError,
    transientBackoffMs: { initial: 1, max: 2 },
  });
  let topics = 0;
  return {
    bus,
    maxAttempts: MAX_ATTEMPTS,
    deliveryTimeoutMs: 2_000,
    newTopic: async () => `contract.topic-${++topics}.v1`,
    publishRaw: (topic, message) => bus.publishRaw(topic, message),
    readTopic: async (topic) =>
      bus.records(topic).map(({ partition, key, value, headers }) => ({ partition, key, value, headers })),
    crashAndRestart: async (subscription) => {
      bus.crashConsumer(subscription.groupId);
      await bus.subscribe(subscription);
    },
    cleanup: () => bus.close(),
  };
});

describe('InMemoryEventBus', () => {
  const HAPPENED = 'memory.thing.happened.v1';
  const OTHER = 'memory.thing.other.v1';
  let bus: InMemoryEventBus;

  beforeEach(() => {
    bus = new InMemoryEventBus({ maxAttempts: 3, retryBackoffMs: { initial: 1, max: 1 } });
  });

  afterEach(() => bus.close());

  it('never runs a handler inside the call stack of publish', async () => {
    let publishing = false;
    const seenWhilePublishing: boolean[] = [];
    await bus.subscribe({
      groupId: 'g',
      topic: 't',
      handlers: {
        [HAPPENED]: async () => {
          seenWhilePublishing.push(publishing);
        },
      },
    });

    publishing = true;
    const published = bus.publish('t', [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]);
    publishing = false;
    await published;
    await bus.idle();

    expect(seenWhilePublishing).toEqual([false]);
  });

  it('idle() resolves once everything published so far was processed, retries included', async () => {
    const handled: number[] = [];
    await bus.subscribe({
      groupId: 'g',
      topic: 't',
      handlers: {
        [HAPPENED]: async (envelope, delivery) => {
          if ((envelope.data as { n: number }).n === 0 && delivery.attempt === 1) throw new Error('once');
          handled.push((envelope.data as { n: number }).n);
        },
      },
    });

    await bus.publish(
      't',
      [0, 1, 2, 3].map((n) => ({ key: `k${n % 2}`, envelope: anEnvelope(HAPPENED, { n }) })),
    );
    await bus.idle();

    expect(handled.sort()).toEqual([0, 1, 2, 3]);
  });

  it('idle() does not wait for a group whose members all crashed', async () => {
    await bus.subscribe({
      groupId: 'dead',
      topic: 't',
      handlers: { [HAPPENED]: () => new Promise(() => undefined) },
    });
    await bus.publish('t', [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]);

    bus.crashConsumer('dead');

    await expect(bus.idle()).resolves.toBeUndefined();
  });

  it('starts a new group at the end of the topic unless asked for the beginning', async () => {
    const fromEnd: string[] = [];
    const fromBeginning: string[] = [];
    const before = anEnvelope(HAPPENED, {});
    const after = anEnvelope(HAPPENED, {});
    await bus.publish('t', [{ key: 'k', envelope: before }]);
    const record = (into: string[]) => ({ [HAPPENED]: async (e: { id: string }) => void into.push(e.id) });
    await bus.subscribe({ groupId: 'late', topic: 't', handlers: record(fromEnd) });
    await bus.subscribe({
      groupId: 'replay',
      topic: 't',
      fromBeginning: true,
      handlers: record(fromBeginning),
    });

    await bus.publish('t', [{ key: 'k', envelope: after }]);
    await bus.idle();

    expect(fromEnd).toEqual([after.id]);
    expect(fromBeginning).toEqual([before.id, after.id]);
  });

  it('logs skipped event types at debug level, not as problems', async () => {
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const logged = new InMemoryEventBus({ logger });
    await logged.subscribe({ groupId: 'g', topic: 't', handlers: { [HAPPENED]: async () => undefined } });

    await logged.publish('t', [{ key: 'user-42', envelope: anEnvelope(OTHER, { name: 'Jeanne' }) }]);
    await logged.idle();
    await logged.close();

    expect(logger.debug).toHaveBeenCalledWith(
      expect.objectContaining({ type: OTHER, topic: 't' }),
      expect.any(String),
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
    expect(JSON.stringify(logger.debug.mock.calls)).not.toMatch(/user-42|Jeanne/);
  });

  it('ends the transient retries of a crashed consumer; its replacement handles the message', async () => {
    class Outage extends Error {}
    const outage = new InMemoryEventBus({
      isTransient: (error) => error instanceof Outage,
      transientBackoffMs: { initial: 1, max: 1 },
    });
    let recovered = false;
    let failures = 0;
    const handledAttempts: number[] = [];
    const subscription = {
      groupId: 'g',
      topic: 't',
      handlers: {
        [HAPPENED]: async (_: unknown, delivery: { attempt: number }) => {
          if (!recovered) {
            failures += 1;
            throw new Outage();
          }
          handledAttempts.push(delivery.attempt);
        },
      },
    };
    await outage.subscribe(subscription);
    await outage.publish('t', [{ key: 'k', envelope: anEnvelope(HAPPENED, {}) }]);
    await waitFor(() => failures > 1, 2_000, 'a few transient failures');

    outage.crashConsumer('g');
    recovered = true;
    await outage.subscribe(subscription);
    await outage.idle();
    await outage.close();

    // Only the replacement handled it, on its first attempt: the dead loop did not call again.
    expect(handledAttempts).toEqual([1]);
  });

  it('refuses to subscribe or publish once closed', async () => {
    await bus.close();
    await expect(bus.subscribe({ groupId: 'g', topic: 't', handlers: {} })).rejects.toThrow(
      EventBusClosedError,
    );
    await expect(bus.ready()).rejects.toThrow(EventBusClosedError);
  });

  it('puts a key on the partition Kafka would choose', async () => {
    const kafkaLike = new InMemoryEventBus({ partitions: 3 });
    for (const key of ['alpha', 'bravo', 'charlie']) {
      await kafkaLike.publish('t', [{ key, envelope: anEnvelope(HAPPENED, {}) }]);
    }
    // murmur2 positive hash modulo 3, as computed by the Java client and kafkajs
    expect(kafkaLike.records('t').map(({ key, partition }) => [key, partition])).toEqual(
      expect.arrayContaining([
        ['alpha', partitionOf('alpha')],
        ['bravo', partitionOf('bravo')],
        ['charlie', partitionOf('charlie')],
      ]),
    );
    await kafkaLike.close();
  });

  it.each([0, 1.5])('refuses %p partitions', (partitions) => {
    expect(() => new InMemoryEventBus({ partitions })).toThrow(RangeError);
  });
});

function partitionOf(key: string): number {
  return Partitioners.DefaultPartitioner()({
    topic: 'any',
    partitionMetadata: [0, 1, 2].map((partitionId) => ({
      partitionId,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    })),
    message: { key, value: null },
  });
}
