import { allContracts } from '@relais/contracts';
import { createStatsService, InMemoryParticipationFactStore } from '../src/index';

describe('what stats listens to (L11)', () => {
  const service = createStatsService({
    participation: new InMemoryParticipationFactStore(),
    verifier: { verify: async () => Promise.reject(new Error('not used')) },
    suppression: { minimumCount: 11 },
  });

  it('subscribes to facts topics only, never to a topic of events with person references', () => {
    expect(service.subscriptions.length).toBeGreaterThan(0);
    for (const subscription of service.subscriptions)
      expect(subscription.topic).toMatch(/^[a-z]+\.facts\.v1$/);
  });

  it('handles only anonymous contracts', () => {
    const handled = service.subscriptions.flatMap((subscription) => Object.keys(subscription.handlers));
    for (const type of handled) {
      expect(allContracts.find((contract) => contract.type === type)?.classification).toBe('anonymous');
    }
  });
});
