import type { EventEnvelope } from '@relais/contracts';
import type { EventBus } from '../event-bus';
import { InMemoryEventBus } from '../memory/in-memory-event-bus';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { OutboxLease, OutboxStore, PendingEvent } from '../outbox/outbox-store';
import { anEnvelope } from './envelopes';

export interface OutboxStoreContractHarness {
  /** A new store instance over the harness's documents, reading "now" from the harness clock. */
  newStore(): OutboxStore;
  /** Writes an aggregate document (with other state fields) carrying these pending events. */
  insertDocument(documentId: string, events: readonly PendingEvent[]): Promise<void>;
  /** Appends events the way a repository does, with an atomic push. */
  appendEvents(documentId: string, events: readonly PendingEvent[]): Promise<void>;
  pendingEventIds(documentId: string): Promise<string[]>;
  leaseOf(documentId: string): Promise<OutboxLease | undefined>;
  advanceClock(ms: number): void;
  cleanup(): Promise<void>;
}

const TOPIC = 'contract.events.v1';
const OTHER_TOPIC = 'contract.facts.v1';
const TYPE = 'contract.thing.happened.v1';
const LEASE_MS = 10_000;

function pendingEvent(key: string, overrides: Partial<PendingEvent> = {}, occurredAt?: string): PendingEvent {
  const envelope: EventEnvelope = anEnvelope(TYPE, { key }, occurredAt ? { occurredAt } : {});
  return { topic: TOPIC, key, envelope, ...overrides };
}

const ids = (events: readonly PendingEvent[]): string[] => events.map((event) => event.envelope.id);

function publishedIds(bus: InMemoryEventBus, topic = TOPIC): string[] {
  return bus.records(topic).map((record) => (JSON.parse(record.value ?? '{}') as EventEnvelope).id);
}

/** The semantics every OutboxStore must have, and the relay's guarantees on top of it. */
export function describeOutboxStoreContract(
  storeName: string,
  createHarness: () => Promise<OutboxStoreContractHarness>,
): void {
  describe(`OutboxStore contract: ${storeName}`, () => {
    let harness: OutboxStoreContractHarness;
    let store: OutboxStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.newStore();
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    describe('claim', () => {
      it('leases the documents that have pending events and returns their events in order', async () => {
        const events = [pendingEvent('a'), pendingEvent('a', { headers: { traceparent: 'tp' } })];
        await harness.insertDocument('with-events', events);
        await harness.insertDocument('without-events', []);

        const claimed = await store.claim('relay-1', LEASE_MS, 10);

        expect(claimed).toEqual([{ documentId: 'with-events', events }]);
        expect(await harness.leaseOf('with-events')).toMatchObject({ owner: 'relay-1' });
        expect(await harness.leaseOf('without-events')).toBeUndefined();
      });

      it('skips documents leased to another relay until the lease expires', async () => {
        await harness.insertDocument('doc', [pendingEvent('a')]);
        await store.claim('relay-1', LEASE_MS, 10);

        expect(await harness.newStore().claim('relay-2', LEASE_MS, 10)).toEqual([]);
        harness.advanceClock(LEASE_MS + 1);
        const claimed = await harness.newStore().claim('relay-2', LEASE_MS, 10);

        expect(claimed.map((doc) => doc.documentId)).toEqual(['doc']);
        expect(await harness.leaseOf('doc')).toMatchObject({ owner: 'relay-2' });
      });

      it('claims at most `limit` documents', async () => {
        for (const id of ['d1', 'd2', 'd3']) await harness.insertDocument(id, [pendingEvent(id)]);

        const first = await store.claim('relay-1', LEASE_MS, 2);
        const second = await store.claim('relay-1', LEASE_MS, 2);

        expect(first).toHaveLength(2);
        expect(second).toHaveLength(1);
        const all = [...first, ...second].map((doc) => doc.documentId).sort();
        expect(all).toEqual(['d1', 'd2', 'd3']);
      });
    });

    describe('acknowledge', () => {
      it('removes exactly the published events, keeps those appended since the claim, and releases the lease', async () => {
        const published = [pendingEvent('a'), pendingEvent('a')];
        await harness.insertDocument('doc', published);
        await store.claim('relay-1', LEASE_MS, 10);
        const appended = pendingEvent('a');
        await harness.appendEvents('doc', [appended]);

        await store.acknowledge('doc', 'relay-1', ids(published));

        expect(await harness.pendingEventIds('doc')).toEqual([appended.envelope.id]);
        expect(await harness.leaseOf('doc')).toBeUndefined();
        const next = await harness.newStore().claim('relay-2', LEASE_MS, 10);
        expect(next).toEqual([{ documentId: 'doc', events: [appended] }]);
      });

      it('only releases the lease when nothing was published', async () => {
        const events = [pendingEvent('a')];
        await harness.insertDocument('doc', events);
        await store.claim('relay-1', LEASE_MS, 10);

        await store.acknowledge('doc', 'relay-1', []);

        expect(await harness.pendingEventIds('doc')).toEqual(ids(events));
        expect(await harness.leaseOf('doc')).toBeUndefined();
      });

      it('from a relay whose lease was taken over, removes its events but leaves the new lease', async () => {
        const events = [pendingEvent('a'), pendingEvent('a')];
        await harness.insertDocument('doc', events);
        await store.claim('slow-relay', LEASE_MS, 10);
        harness.advanceClock(LEASE_MS + 1);
        await harness.newStore().claim('relay-2', LEASE_MS, 10);

        await store.acknowledge('doc', 'slow-relay', ids(events.slice(0, 1)));

        expect(await harness.pendingEventIds('doc')).toEqual(ids(events.slice(1)));
        expect(await harness.leaseOf('doc')).toMatchObject({ owner: 'relay-2' });
      });
    });

    it('reports the backlog: pending events and the oldest occurrence', async () => {
      expect(await store.backlog()).toEqual({ pending: 0 });
      await harness.insertDocument('d1', [pendingEvent('a', {}, '2025-03-02T10:00:00.000Z')]);
      await harness.insertDocument('d2', [
        pendingEvent('b', {}, '2025-03-01T09:00:00.000Z'),
        pendingEvent('b', {}, '2025-03-04T09:00:00.000Z'),
      ]);

      expect(await store.backlog()).toEqual({ pending: 3, oldestOccurredAt: '2025-03-01T09:00:00.000Z' });
    });

    describe('with the relay', () => {
      let bus: InMemoryEventBus;

      beforeEach(() => {
        bus = new InMemoryEventBus({ partitions: 3 });
      });

      afterEach(async () => {
        await bus.close();
      });

      const relay = (owner: string, relayStore: OutboxStore = harness.newStore(), relayBus: EventBus = bus) =>
        new OutboxRelay({ stores: [relayStore], bus: relayBus, owner, leaseMs: LEASE_MS, batchSize: 5 });

      it('publishes pending events in order with their key, topic and headers, then empties the outbox', async () => {
        const events = [
          pendingEvent('course-1', { headers: { traceparent: 'tp-1' } }),
          pendingEvent('course-1', { topic: OTHER_TOPIC }),
          pendingEvent('course-1'),
        ];
        await harness.insertDocument('doc', events);
        const notified: string[] = [];
        const outboxRelay = new OutboxRelay({
          stores: [harness.newStore()],
          bus,
          onPublished: (published) => notified.push(...ids(published)),
        });

        expect(await outboxRelay.drainOnce()).toBe(3);

        const onTopic = bus.records(TOPIC);
        expect(publishedIds(bus)).toEqual([events[0]?.envelope.id, events[2]?.envelope.id]);
        expect(onTopic.map((record) => record.key)).toEqual(['course-1', 'course-1']);
        expect(onTopic[0]?.headers).toEqual({ traceparent: 'tp-1' });
        expect(publishedIds(bus, OTHER_TOPIC)).toEqual([events[1]?.envelope.id]);
        expect(notified.sort()).toEqual(ids(events).sort());
        expect(await harness.pendingEventIds('doc')).toEqual([]);
        expect(await outboxRelay.drainOnce()).toBe(0);
      });

      it('never publishes an event twice when two relays race while their leases hold', async () => {
        const all: PendingEvent[] = [];
        for (let n = 0; n < 12; n++) {
          const events = [pendingEvent(`k${n}`), pendingEvent(`k${n}`)];
          all.push(...events);
          await harness.insertDocument(`doc-${n}`, events);
        }
        const relays = [relay('relay-1'), relay('relay-2')];

        for (let round = 0; round < 20 && (await store.backlog()).pending > 0; round++) {
          await Promise.all(relays.map((r) => r.drainOnce()));
        }

        expect(await store.backlog()).toEqual({ pending: 0 });
        expect(publishedIds(bus).sort()).toEqual(ids(all).sort());
      });

      it('publishes again, once the lease expired, what a relay that died before acknowledging had published', async () => {
        const events = [pendingEvent('a'), pendingEvent('a')];
        await harness.insertDocument('doc', events);
        const dyingStore = harness.newStore();
        const diesBeforeAcknowledging: OutboxStore = {
          claim: (owner, leaseMs, limit) => dyingStore.claim(owner, leaseMs, limit),
          acknowledge: () => Promise.reject(new Error('killed')),
          backlog: () => dyingStore.backlog(),
        };
        await expect(relay('dying', diesBeforeAcknowledging).drainOnce()).rejects.toThrow('killed');
        const survivor = relay('survivor');

        expect(await survivor.drainOnce()).toBe(0);
        harness.advanceClock(LEASE_MS + 1);
        expect(await survivor.drainOnce()).toBe(2);

        expect(publishedIds(bus)).toEqual([...ids(events), ...ids(events)]);
        expect(await harness.pendingEventIds('doc')).toEqual([]);
      });

      it('keeps, and publishes next time, events appended while a batch was being published', async () => {
        const first = pendingEvent('a');
        const appended = pendingEvent('a');
        await harness.insertDocument('doc', [first]);
        const appendingBus: EventBus = {
          publish: async (topic, messages) => {
            await bus.publish(topic, messages);
            await harness.appendEvents('doc', [appended]);
          },
          subscribe: (subscription) => bus.subscribe(subscription),
          ready: () => bus.ready(),
          close: () => bus.close(),
        };
        const outboxRelay = relay('relay-1', harness.newStore(), appendingBus);

        expect(await outboxRelay.drainOnce()).toBe(1);
        expect(await harness.pendingEventIds('doc')).toEqual([appended.envelope.id]);
        expect(await relay('relay-1').drainOnce()).toBe(1);

        expect(publishedIds(bus)).toEqual([first.envelope.id, appended.envelope.id]);
      });
    });
  });
}
