import { InMemoryParticipationFactStore } from '../../src/index';
import { describeFactStoreContract } from './fact-store-contract';

describeFactStoreContract('in-memory', async () => new InMemoryParticipationFactStore());
