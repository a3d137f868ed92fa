import { describeOutboxStoreContract } from '@relais/bus/testing';
import { InMemoryOutboxStore } from '../src/outbox/in-memory-outbox-store';
import type { OutboxFields } from '../src/outbox/outbox-store';

type CourseDocument = OutboxFields & { title: string };

describeOutboxStoreContract('in-memory', async () => {
  const documents = new Map<string, CourseDocument>();
  let now = Date.parse('2025-01-06T08:00:00.000Z');
  return {
    newStore: () => new InMemoryOutboxStore(documents, { now: () => new Date(now) }),
    insertDocument: async (id, events) => {
      documents.set(id, { title: 'A course', outbox: [...events] });
    },
    appendEvents: async (id, events) => {
      const document = documents.get(id);
      if (!document) throw new Error(`no document ${id}`);
      documents.set(id, { ...document, outbox: [...document.outbox, ...events] });
    },
    pendingEventIds: async (id) => documents.get(id)?.outbox.map((event) => event.envelope.id) ?? [],
    leaseOf: async (id) => documents.get(id)?.outboxLease,
    advanceClock: (ms) => {
      now += ms;
    },
    cleanup: async () => documents.clear(),
  };
});

describe('InMemoryOutboxStore', () => {
  it('replaces documents instead of mutating the objects repositories handed it', async () => {
    const original: CourseDocument = { title: 'A course', outbox: [] };
    const documents = new Map([['doc', original]]);
    const store = new InMemoryOutboxStore(documents);
    original.outbox.push({
      topic: 't',
      key: 'k',
      envelope: {
        id: '3b241101-e2bb-4255-8caf-4136c566a962',
        type: 'a.b.c.v1',
        source: 's',
        occurredAt: '2025-01-01T00:00:00.000Z',
        correlationId: 'c',
        data: {},
      },
    });

    await store.claim('relay', 1_000, 10);
    await store.acknowledge('doc', 'relay', ['3b241101-e2bb-4255-8caf-4136c566a962']);

    expect(original.outbox).toHaveLength(1);
    expect(original.outboxLease).toBeUndefined();
    expect(documents.get('doc')).toEqual({ title: 'A course', outbox: [] });
  });
});
