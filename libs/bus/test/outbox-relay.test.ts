import { jest } from '@jest/globals';
import { anEnvelope, waitFor } from '@relais/bus/testing';
import type { EventBus } from '../src/event-bus';
import { InMemoryEventBus } from '../src/memory/in-memory-event-bus';
import { InMemoryOutboxStore } from '../src/outbox/in-memory-outbox-store';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import type { OutboxFields, PendingEvent } from '../src/outbox/outbox-store';

const TOPIC = 'relay.events.v1';

const pending = (key: string): PendingEvent => ({
  topic: TOPIC,
  key,
  envelope: anEnvelope('relay.thing.happened.v1', { key }),
});

describe('OutboxRelay', () => {
  let documents: Map<string, OutboxFields>;
  let bus: InMemoryEventBus;

  beforeEach(() => {
    documents = new Map();
    bus = new InMemoryEventBus();
  });

  afterEach(() => bus.close());

  const pendingIds = (id: string): string[] =>
    documents.get(id)?.outbox.map((event) => event.envelope.id) ?? [];

  it('once started, publishes what aggregates append until it is stopped', async () => {
    const relay = new OutboxRelay({ stores: [new InMemoryOutboxStore(documents)], bus, pollIntervalMs: 1 });
    relay.start();
    documents.set('a', { outbox: [pending('a'), pending('a')] });

    await waitFor(() => bus.records(TOPIC).length === 2, 2_000, 'the relay to publish');
    await relay.stop();

    expect(pendingIds('a')).toEqual([]);
  });

  it('stops promptly while it waits for the next poll', async () => {
    const relay = new OutboxRelay({
      stores: [new InMemoryOutboxStore(documents)],
      bus,
      pollIntervalMs: 600_000,
    });
    relay.start();

    await expect(relay.stop()).resolves.toBeUndefined();
  });

  it('when publishing fails, releases the lease, keeps the events and reports the error without personal data', async () => {
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const failingBus: EventBus = {
      publish: () => Promise.reject(new Error('broker down for jeanne.martin@example.org')),
      subscribe: () => Promise.resolve(),
      ready: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const event = pending('a');
    documents.set('a', { outbox: [event] });
    const relay = new OutboxRelay({ stores: [new InMemoryOutboxStore(documents)], bus: failingBus, logger });

    await expect(relay.drainOnce()).rejects.toThrow('broker down');

    expect(pendingIds('a')).toEqual([event.envelope.id]);
    expect(documents.get('a')?.outboxLease).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ topic: TOPIC, error: expect.stringMatching(/^Error: broker down/) }),
      expect.any(String),
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('jeanne');
  });

  it('keeps polling after a failed round', async () => {
    let failures = 1;
    const flakyBus: EventBus = {
      publish: (topic, messages) =>
        failures-- > 0 ? Promise.reject(new Error('blip')) : bus.publish(topic, messages),
      subscribe: (subscription) => bus.subscribe(subscription),
      ready: () => bus.ready(),
      close: () => bus.close(),
    };
    documents.set('a', { outbox: [pending('a')] });
    const relay = new OutboxRelay({
      stores: [new InMemoryOutboxStore(documents)],
      bus: flakyBus,
      pollIntervalMs: 1,
    });

    relay.start();
    await waitFor(() => bus.records(TOPIC).length === 1, 2_000, 'the retry to publish');
    await relay.stop();

    expect(pendingIds('a')).toEqual([]);
  });

  it('drains every store it is given', async () => {
    const other = new Map<string, OutboxFields>([['b', { outbox: [pending('b')] }]]);
    documents.set('a', { outbox: [pending('a')] });
    const relay = new OutboxRelay({
      stores: [new InMemoryOutboxStore(documents), new InMemoryOutboxStore(other)],
      bus,
    });

    expect(await relay.drainOnce()).toBe(2);
    expect(
      bus
        .records(TOPIC)
        .map((record) => record.key)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});
