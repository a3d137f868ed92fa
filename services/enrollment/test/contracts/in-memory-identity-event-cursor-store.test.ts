import { InMemoryIdentityEventCursorStore } from '../../src/infrastructure/memory/in-memory-identity-event-cursor-store';
import { describeIdentityEventCursorStoreContract } from './identity-event-cursor-store-contract';

describeIdentityEventCursorStoreContract('in-memory', async () => new InMemoryIdentityEventCursorStore());
