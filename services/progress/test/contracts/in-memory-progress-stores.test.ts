import { InMemoryActivityStore } from '../../src/infrastructure/memory/in-memory-activity-store';
import { InMemoryCompletionMarkStore } from '../../src/infrastructure/memory/in-memory-completion-mark-store';
import { describeProgressStoresContract } from './progress-stores-contract';

describeProgressStoresContract('in-memory', async () => ({
  activities: new InMemoryActivityStore(),
  marks: new InMemoryCompletionMarkStore(),
}));
