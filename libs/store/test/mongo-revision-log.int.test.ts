import { MongoOutboxStore } from '@relais/bus';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, ensureIndexes, MongoRevisionLog, revisionRecordDefinition } from '../src/index';
import type { RevisionRecordFields } from '../src/index';
import { openTestDatabase } from '../src/testing/index';
import { describeRevisionLogContract, type Roll } from './revision-log-contract';

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

const rollLog = (connection: Connection) =>
  new MongoRevisionLog<Roll, RollRecord>(rollModel(connection), {
    idField: 'rollId',
    toRecord: (state) => ({ title: state.title, members: [...state.members] }),
    fromRecord: (record) => ({ title: record.title ?? '', members: [...(record.members ?? [])] }),
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
