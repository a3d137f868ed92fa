import { openTestDatabase } from '@relais/store/testing';
import {
  identityEventCursorModel,
  MongoIdentityEventCursorStore,
} from '../../src/infrastructure/mongo/mongo-identity-event-cursor-store';
import { describeIdentityEventCursorStoreContract } from './identity-event-cursor-store-contract';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase('enrollment-cursor');
});
afterAll(async () => database.drop());

describeIdentityEventCursorStoreContract(
  'mongoose',
  async () => new MongoIdentityEventCursorStore(identityEventCursorModel(database.connection)),
);

describe('the cursor in enrollment’s database', () => {
  it('lives in the identity_event_cursor collection', async () => {
    const store = new MongoIdentityEventCursorStore(identityEventCursorModel(database.connection));
    await store.save('keycloak-admin-events/relais', { time: 1_000, handled: [] }, undefined);

    const stored = await database.connection
      .collection<{ _id: string }>('identity_event_cursor')
      .find({ _id: 'keycloak-admin-events/relais' })
      .toArray();
    expect(stored).toEqual([{ _id: 'keycloak-admin-events/relais', time: 1_000, handled: [], revision: 1 }]);
  });
});
