import { InMemoryOutboxStore } from '@relais/bus';
import { InMemoryRevisionLog } from '../src/index';
import { describeRevisionLogContract, type Roll } from './revision-log-contract';

describeRevisionLogContract('in-memory', async () => {
  const log = new InMemoryRevisionLog<Roll>();
  return { log, outbox: new InMemoryOutboxStore(log.documents.documents) };
});

describe('InMemoryRevisionLog', () => {
  it('lists the latest state of every aggregate still there', async () => {
    const log = new InMemoryRevisionLog<Roll>();
    await log.append('kept', 0, { title: 'Kept', members: [] }, []);
    await log.append('kept', 1, { title: 'Renamed', members: [] }, []);
    await log.append('gone', 0, { title: 'Gone', members: [] }, []);
    await log.remove('gone', 1);
    expect(log.latest()).toEqual([{ id: 'kept', state: { title: 'Renamed', members: [] }, revision: 2 }]);
  });
});
