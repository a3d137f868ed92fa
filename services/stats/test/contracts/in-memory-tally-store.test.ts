import { InMemoryTallyStore } from '../../src/index';
import { describeTallyStoreContract } from './tally-store-contract';

describeTallyStoreContract('in-memory', async () => new InMemoryTallyStore());
