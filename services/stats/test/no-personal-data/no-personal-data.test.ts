import { InMemoryTallyStore } from '../../src/index';
import { statsOnBus } from '../support/stats-on-bus';
import { factsCarryingPersonalValues, personalValuesIn, publishEveryTable } from './personal-data-probe';

describe('the stats store holds no personal data (L11): in memory', () => {
  it('keeps none of the personal values that facts tried to carry, and still counts the facts', async () => {
    const tallies = new InMemoryTallyStore();
    const stats = await statsOnBus({ tallies });
    await stats.publish(factsCarryingPersonalValues());
    await publishEveryTable(stats.queries);
    const documents = tallies.documents();
    expect(JSON.stringify(documents)).toContain('teachers|enrolled|academy|month|lyon');
    expect(JSON.stringify(documents)).toContain('ministry-enrollments/2026-Q4');
    expect(personalValuesIn(documents)).toEqual([]);
  });
});
