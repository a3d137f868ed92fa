import { MongoRosterStore, rosterModel } from '@relais/roster';
import { ensureIndexes } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { startServiceHarness } from '@relais/testing';
import {
  activityListModel,
  completionMarkModel,
  createProgressService,
  MongoActivityStore,
  MongoCompletionMarkStore,
} from '../../src/index';
import { exerciseEveryWrite } from './exercise-every-write';
import { allowedFields, documentFieldPaths, fieldsBeyond, trackingFieldsIn } from './field-audit';

describe('no tracking by construction (L2): what the database holds after every kind of write', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase('progress-no-tracking');
    const { connection } = database;
    const ports = {
      rosters: new MongoRosterStore(rosterModel(connection)),
      activities: new MongoActivityStore(activityListModel(connection)),
      marks: new MongoCompletionMarkStore(completionMarkModel(connection)),
    };
    await ensureIndexes(connection);
    const harness = await startServiceHarness((verifierFor) => [
      createProgressService({ ...ports, verifier: verifierFor('relais-progress') }),
    ]);
    try {
      await exerciseEveryWrite(harness);
    } finally {
      await harness.stop();
    }
  });
  afterAll(async () => database.drop());

  /** Read as a database reader would, around mongoose: what is there, not what the schema says. */
  async function storedDocuments() {
    const db = database.connection.db;
    if (!db) throw new Error('the test database is not connected');
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    return Promise.all(
      collections.map(async ({ name }) => ({
        name,
        documents: await db.collection(name).find({}).toArray(),
      })),
    );
  }

  it('has only the reviewed collections', async () => {
    const names = (await storedDocuments()).map(({ name }) => name).sort();
    expect(names).toEqual(Object.keys(allowedFields).sort());
  });

  it('holds documents with reviewed fields only, none of them tracking data', async () => {
    for (const { name, documents } of await storedDocuments()) {
      expect({ name, count: documents.length > 0 }).toEqual({ name, count: true });
      const paths = documentFieldPaths(documents);
      expect({ name, tracking: trackingFieldsIn(paths) }).toEqual({ name, tracking: [] });
      expect({ name, beyond: fieldsBeyond(allowedFields[name] ?? [], paths) }).toEqual({ name, beyond: [] });
    }
  });
});
