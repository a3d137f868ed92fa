import { openTestDatabase } from '@relais/store/testing';
import { ensureIndexes } from '@relais/store';
import { MongoTallyStore, tallyModels } from '../../src/index';
import { statsOnBus } from '../support/stats-on-bus';
import { factsCarryingPersonalValues, personalValuesIn, publishEveryTable } from './personal-data-probe';

describe('the stats store holds no personal data (L11): mongoose', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase('stats-privacy');
    tallyModels(database.connection);
    await ensureIndexes(database.connection);
  });
  afterAll(async () => database.drop());

  it('keeps none of the personal values in any document of any collection', async () => {
    const stats = await statsOnBus({ tallies: new MongoTallyStore(tallyModels(database.connection)) });
    await stats.publish(factsCarryingPersonalValues());
    await publishEveryTable(stats.queries);
    const db = database.connection.db!;
    const documents: unknown[] = [];
    for (const { name } of await db.listCollections().toArray())
      documents.push(...(await db.collection(name).find().toArray()));
    expect(JSON.stringify(documents)).toContain('teachers|enrolled|academy|month|lyon');
    expect(JSON.stringify(documents)).toContain('ministry-enrollments/2026-Q4');
    expect(personalValuesIn(documents)).toEqual([]);
  });
});
