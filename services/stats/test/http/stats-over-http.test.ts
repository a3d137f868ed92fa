import { InMemoryTallyStore } from '../../src/index';
import { describeStatsRoutes } from './stats-routes-suite';

describeStatsRoutes('in memory', async () => new InMemoryTallyStore());
