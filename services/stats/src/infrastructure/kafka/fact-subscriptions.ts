import { participationCounted, readEvent, topics } from '@relais/contracts';
import type { Subscription } from '@relais/bus';
import type { StatsUseCases } from '../../application/stats-use-cases';

/**
 * Stats reads facts topics only (L11, DESIGN §3): never a `.events` topic, which carries person
 * references. A test asserts this list.
 */
export function factSubscriptions(useCases: StatsUseCases): Subscription[] {
  return [
    {
      groupId: 'stats',
      topic: topics.enrollmentFacts,
      handlers: {
        [participationCounted.type]: async (envelope) => {
          await useCases.recordParticipation(envelope.id, readEvent(participationCounted, envelope));
        },
      },
    },
  ];
}
