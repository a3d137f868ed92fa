import { InMemoryRosterStore } from '@relais/roster';
import { InMemoryActivityStore, InMemoryCompletionMarkStore } from '../../src/index';
import { describeProgressOverHttp } from './progress-over-http-scenarios';

describeProgressOverHttp('in-memory', async () => ({
  rosters: new InMemoryRosterStore(),
  activities: new InMemoryActivityStore(),
  marks: new InMemoryCompletionMarkStore(),
}));
