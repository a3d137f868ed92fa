import { KeyedSerializer } from '@relais/store';
import {
  contributionIncrements,
  firstReplyIncrements,
  participationIncrements,
  type ContributionFact,
  type FirstReplyFact,
  type ParticipationFact,
} from '../domain/tallies';
import { countingMonthOf } from '../domain/publication';
import type { CountedFact, PartitionOf, TallyStore } from './ports';

/** What a fact says, read through its contract. */
export type FactContent =
  | { kind: 'participation'; fact: ParticipationFact }
  | { kind: 'contribution'; fact: ContributionFact }
  | { kind: 'first-reply'; fact: FirstReplyFact };

/** A fact with its id, its own time and its place on its partition, before it becomes counters. */
export type ReadFact = { offset: number; factId: string; occurredAt: string } & FactContent;

function countedFact(read: ReadFact): CountedFact {
  const { offset, factId } = read;
  const month = countingMonthOf(read.fact.month, read.occurredAt);
  switch (read.kind) {
    case 'participation':
      return { offset, factId, month, increments: participationIncrements(read.fact) };
    case 'contribution':
      return { offset, factId, month, increments: contributionIncrements(read.fact) };
    case 'first-reply':
      return { offset, factId, month, increments: firstReplyIncrements(read.fact) };
  }
}

/**
 * Facts into counters, at ingestion, so a query reads a few small documents however many facts came
 * (docs/design.md §8). A run of consecutive facts of one partition is applied in one go: a handful of database
 * round trips for hundreds of facts. Runs of one partition are serialized in this process; across
 * processes a partition has one writer, the consumer that owns it.
 */
export class FactIngestion {
  private readonly serializer = new KeyedSerializer();
  /** The generation read in flight: runs of several partitions handed over together share it. */
  private generationRead: Promise<number> | undefined;

  constructor(
    private readonly store: TallyStore,
    /** The active generation for live consumption; the one being built during a rebuild. */
    private readonly generation: () => Promise<number>,
  ) {}

  /** Answers, per fact, whether it was applied (false: already counted). */
  async record(partition: PartitionOf, facts: readonly ReadFact[]): Promise<boolean[]> {
    const generation = await this.currentGeneration();
    const key = [generation, partition.topic, partition.partition].join('/');
    return this.serializer.run(key, () => this.store.applyRun(generation, partition, facts.map(countedFact)));
  }

  /**
   * Read for every run, never kept: a rebuild makes another generation active. Runs asking at the same
   * moment get the same answer, so they reach the store together and are written as one group.
   */
  private currentGeneration(): Promise<number> {
    this.generationRead ??= this.generation().finally(() => {
      this.generationRead = undefined;
    });
    return this.generationRead;
  }
}
