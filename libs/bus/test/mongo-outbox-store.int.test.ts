import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import mongoose, { type Connection } from 'mongoose';
import { describeOutboxStoreContract } from '@relais/bus/testing';
import { MongoOutboxStore } from '../src/outbox/mongo-outbox-store';
import type { PendingEvent } from '../src/outbox/outbox-store';
import { anEnvelope } from '../src/testing/envelopes';
import { mongoUrlFromEnvironment } from './support/mongo-test-environment';

jest.setTimeout(30_000);

const mongoUrl = mongoUrlFromEnvironment();

interface CourseDocument {
  _id: string;
  title: string;
  outbox: PendingEvent[];
}

let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrl).asPromise();
});

afterAll(async () => {
  await connection.close();
});

describeOutboxStoreContract('mongo', async () => {
  const name = `outbox_contract_${randomUUID().replace(/-/g, '')}`;
  const collection = connection.collection<CourseDocument>(name);
  let now = Date.parse('2025-01-06T08:00:00.000Z');
  const read = (id: string) => collection.findOne({ _id: id });
  const newStore = () => new MongoOutboxStore(connection.collection(name), { now: () => new Date(now) });
  const inspector = newStore();
  return {
    newStore,
    insertDocument: async (id, events) => {
      await collection.insertOne({ _id: id, title: 'A course', outbox: [...events] });
    },
    appendEvents: async (id, events) => {
      await collection.updateOne({ _id: id }, { $push: { outbox: { $each: [...events] } } });
    },
    pendingEventIds: async (id) => (await read(id))?.outbox.map((event) => event.envelope.id) ?? [],
    leaseOf: (id) => inspector.leaseOf(id),
    advanceClock: (ms) => {
      now += ms;
    },
    cleanup: async () => {
      await collection.drop().catch(() => undefined);
      await connection
        .collection(`${name}_outbox_leases`)
        .drop()
        .catch(() => undefined);
    },
  };
});

describe('MongoOutboxStore over a mongoose model', () => {
  it('works on the model of an aggregate whose schema does not declare the outbox fields', async () => {
    const name = `OutboxModel${randomUUID().replace(/-/g, '')}`;
    const model = connection.model(name, new mongoose.Schema({ title: String }, { strict: true }));
    const event: PendingEvent = {
      topic: 't.events.v1',
      key: 'k',
      envelope: anEnvelope('t.thing.happened.v1', {}),
    };
    const created = await model.create({ title: 'A course' });
    await model.collection.updateOne({ _id: created._id }, { $push: { outbox: event } } as never);
    const store = new MongoOutboxStore(model);

    const claimed = await store.claim('relay', 1_000, 10);
    expect(claimed).toEqual([{ documentId: String(created._id), events: [event] }]);
    await store.acknowledge(String(created._id), 'relay', [event.envelope.id]);

    const stored = await model.collection.findOne({ _id: created._id });
    expect(stored?.outbox).toEqual([]);
    expect(await store.leaseOf(String(created._id))).toBeUndefined();
    await model.collection.drop();
    await connection.collection(`${model.collection.collectionName}_outbox_leases`).drop();
  });
});
