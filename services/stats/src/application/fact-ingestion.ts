import { KeyedSerializer } from '@relais/store';
import {
  contributionIncrements,
  firstReplyIncrements,
  participationIncrements,
  type ContributionFact,
  type FirstReplyFact,
  type ParticipationFact,
} from '../domain/tallies';
import type { FactPosition, TallyStore } from './ports';

/**
 * Facts into counters, at ingestion, so a query reads a few small documents however many facts came
 * (DESIGN §8). Writes to one shard are serialized in this process; across processes a shard has one
 * writer, the consumer that owns its partition.
 */
export class FactIngestion {
  private readonly serializer = new KeyedSerializer();

  constructor(
    private readonly store: TallyStore,
    /** The active generation for live consumption; the one being built during a rebuild. */
    private readonly generation: () => Promise<number>,
  ) {}

  recordParticipation(position: FactPosition, factId: string, fact: ParticipationFact): Promise<boolean> {
    return this.apply(position, fact.month, factId, participationIncrements(fact));
  }

  recordContribution(position: FactPosition, factId: string, fact: ContributionFact): Promise<boolean> {
    return this.apply(position, fact.month, factId, contributionIncrements(fact));
  }

  recordFirstReply(position: FactPosition, factId: string, fact: FirstReplyFact): Promise<boolean> {
    return this.apply(position, fact.month, factId, firstReplyIncrements(fact));
  }

  private async apply(
    position: FactPosition,
    month: string,
    factId: string,
    increments: readonly string[],
  ): Promise<boolean> {
    const generation = await this.generation();
    const shard = [generation, position.topic, position.partition, month].join('/');
    return this.serializer.run(shard, () =>
      this.store.apply(generation, position, month, factId, increments),
    );
  }
}
