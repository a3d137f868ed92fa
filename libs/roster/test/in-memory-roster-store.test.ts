import { InMemoryRosterStore } from '../src/index';
import { describeRosterStoreContract } from '../src/testing/index';

describeRosterStoreContract('in-memory', async () => new InMemoryRosterStore());
