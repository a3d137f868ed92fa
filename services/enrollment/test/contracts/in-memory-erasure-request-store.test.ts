import { InMemoryErasureRequestStore } from '../../src/infrastructure/memory/in-memory-erasure-requests';
import { describeErasureRequestStoreContract } from './erasure-request-store-contract';

describeErasureRequestStoreContract('in memory', async () => ({
  store: new InMemoryErasureRequestStore(new Map()),
  close: async () => undefined,
}));
