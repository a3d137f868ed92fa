import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { describeNotificationStoreContract } from './notification-store-contract';

describeNotificationStoreContract(
  'in-memory',
  async () => new InMemoryNotificationStore(),
  async (store, itemId, sealedAuthor) => store.authors.set(itemId, { sealedAuthor }),
);
