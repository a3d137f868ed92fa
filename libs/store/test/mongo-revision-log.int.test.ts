import { MongoOutboxStore } from '@relais/bus';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, ensureIndexes, MongoRevisionLog, revisionRecordDefinition } from '../src/index';
import type { RevisionRecordFields } from '../src/index';
import { openTestDatabase } from '../src/testing/index';
import { describeRevisionLogContract, type Roll } from './revision-log-contract';
import { randomUUID } from 'node:crypto';
import { coursePublished, createEvent } from '@relais/contracts';

interface RollRecord extends RevisionRecordFields {
  rollId: string;
  title?: string;
  members?: string[];
}

function rollModel(connection: Connection): Model<RollRecord> {
  return (
    connection.models['RollRevision'] ??
    connection.model<RollRecord>(
      'RollRevision',
      new Schema<RollRecord>(
        {
          ...revisionRecordDefinition,
          rollId: { type: String, required: true },
          title: { type: String },
          members: { type: [String], default: undefined },
        },
        { collection: 'roll_revisions', ...closedSchemaOptions },
      ).index({ rollId: 1, revision: -1 }),
    )
  );
}

const rollLog = (connection: Connection, model = rollModel(connection)) =>
  new MongoRevisionLog<Roll, RollRecord>(model, {
    idField: 'rollId',
    toRecord: (state) => ({ title: state.title, members: [...state.members] }),
    fromRecord: (record) => ({ title: record.title ?? '', members: [...(record.members ?? [])] }),
  });

const anEvent = () =>
  createEvent(coursePublished, coursePublished.example, {
    source: 'store-test',
    correlationId: randomUUID(),
    now: new Date('2026-12-07T10:00:00Z'),
  });

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('store-revisions');
  rollModel(database.connection);
  await ensureIndexes(database.connection);
});
afterAll(async () => database.drop());

describeRevisionLogContract('mongoose', async () => {
  // Each test gets an empty collection: the outbox tests read every pending event of it.
  await rollModel(database.connection).deleteMany({}).exec();
  return {
    log: rollLog(database.connection),
    outbox: new MongoOutboxStore(rollModel(database.connection)),
  };
});

describe('MongoRevisionLog on the real database', () => {
  it('keeps one record per aggregate: a superseded or removed state leaves no trace', async () => {
    const log = rollLog(database.connection);
    await log.append('kept', 0, { title: 'Kept', members: ['Withdrawn Teacher'] }, []);
    await log.append('kept', 1, { title: 'Kept', members: [] }, []);
    await log.append('gone', 0, { title: 'Private text', members: [] }, []);
    await log.remove('gone', 1);
    const stored = await rollModel(database.connection)
      .find({ rollId: mongoose.trusted({ $in: ['kept', 'gone'] }) })
      .lean()
      .exec();
    expect(stored.map((record) => record._id).sort()).toEqual(['gone#000000002', 'kept#000000002']);
    expect(JSON.stringify(stored)).not.toContain('Withdrawn Teacher');
    expect(JSON.stringify(stored)).not.toContain('Private text');
  });

  it('finds the latest state of aggregates with a matching record, removed ones left out', async () => {
    const log = rollLog(database.connection);
    await log.append('a', 0, { title: 'Match', members: [] }, []);
    await log.append('a', 1, { title: 'Match', members: ['ann'] }, []);
    await log.append('b', 0, { title: 'Match', members: [] }, []);
    await log.remove('b', 1);
    await log.append('c', 0, { title: 'Other', members: [] }, []);
    expect(await log.latestMatching({ title: 'Match' })).toEqual([
      { id: 'a', state: { title: 'Match', members: ['ann'] }, revision: 2 },
    ]);
  });
});

describe('a writer overtaken between its read and its insert', () => {
  /** The model, but each insert waits until `release` is called: a writer that stalls on the network. */
  function stalledOnInsert(model: Model<RollRecord>) {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reachedInsert = (): void => undefined;
    const atInsert = new Promise<void>((resolve) => (reachedInsert = resolve));
    const stalled = new Proxy(model, {
      get(target, property) {
        if (property === 'create') {
          return async (...args: Parameters<Model<RollRecord>['create']>) => {
            reachedInsert();
            await released;
            return target.create(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { stalled, atInsert, release };
  }

  it('loses, leaving no record, when two saves went through meanwhile and freed its revision', async () => {
    const id = randomUUID();
    const fast = rollLog(database.connection);
    await fast.append(id, 0, { title: 'Reading', members: [] }, []);
    const { stalled, atInsert, release } = stalledOnInsert(rollModel(database.connection));
    const slow = rollLog(database.connection, stalled);

    const slowSave = slow.append(id, 1, { title: 'Reading', members: ['slow'] }, [anEvent()]);
    await atInsert;
    expect(await fast.append(id, 1, { title: 'Reading', members: ['b'] }, [])).toBe('saved');
    expect(await fast.append(id, 2, { title: 'Reading', members: ['b', 'c'] }, [])).toBe('saved');
    release();

    expect(await slowSave).toBe('conflict');
    expect(await fast.read(id)).toEqual({ state: { title: 'Reading', members: ['b', 'c'] }, revision: 3 });
    const records = await rollModel(database.connection).find({ rollId: id }).lean().exec();
    expect(records.map((record) => record._id)).toEqual([`${id}#000000003`]);
    expect(records[0]?.outbox).toEqual([]);
  });
});
