import { InMemoryDocuments } from '@relais/store';
import type { CountedFact, PartitionOf, TallyShard, TallyStore } from '../../application/ports';
import {
  advancedShards,
  appliedFactIdOf,
  decodeCounters,
  factsNewToTheirShards,
  isRepublished,
  positionOf,
  shardIdOf,
  type AppliedFactRecord,
  type ShardRecord,
} from '../tally-shard';

export class InMemoryTallyStore implements TallyStore {
  private readonly shardRecords = new InMemoryDocuments<ShardRecord>();
  private readonly appliedFacts = new InMemoryDocuments<AppliedFactRecord>();
  private active = 0;
  private readonly releases = new Map<string, string>();

  async activeGeneration(): Promise<number> {
    return this.active;
  }

  async applyRun(
    generation: number,
    partition: PartitionOf,
    facts: readonly CountedFact[],
  ): Promise<boolean[]> {
    // Each shard read once per run, not once per fact: a read copies the whole shard.
    const shards = new Map<string, ShardRecord>();
    for (const id of new Set(facts.map((fact) => shardIdOf(generation, partition, fact.month)))) {
      const shard = this.shardRecords.get(id);
      if (shard) shards.set(id, shard);
    }
    const applied = factsNewToTheirShards(shards, generation, partition, facts).filter((fact) => {
      const position = positionOf(partition, fact);
      const markerId = appliedFactIdOf(generation, fact.factId);
      const marker = this.appliedFacts.get(markerId);
      if (marker) return !isRepublished(marker, position);
      this.appliedFacts.set(markerId, { _id: markerId, generation, ...position });
      return true;
    });
    for (const shard of advancedShards(shards, generation, partition, applied))
      this.shardRecords.set(shard._id, shard);
    const appliedFacts = new Set(applied);
    return facts.map((fact) => appliedFacts.has(fact));
  }

  async shards(generation: number, topic: string, months: readonly string[]): Promise<TallyShard[]> {
    return this.shardRecords
      .find(
        (shard) => shard.generation === generation && shard.topic === topic && months.includes(shard.month),
      )
      .map((shard) => ({
        topic: shard.topic,
        partition: shard.partition,
        month: shard.month,
        counters: decodeCounters(shard.counters),
      }));
  }

  async activate(generation: number): Promise<void> {
    this.active = generation;
  }

  async drop(generation: number): Promise<void> {
    for (const shard of this.shardRecords.find((record) => record.generation === generation))
      this.shardRecords.delete(shard._id);
    for (const marker of this.appliedFacts.find((record) => record.generation === generation))
      this.appliedFacts.delete(marker._id);
  }

  async release(id: string): Promise<string | undefined> {
    return this.releases.get(id);
  }

  async publish(id: string, body: string): Promise<string> {
    const stored = this.releases.get(id);
    if (stored !== undefined) return stored;
    this.releases.set(id, body);
    return body;
  }

  /** Every stored document, as a reader of the database would see them (for the personal-data test). */
  documents(): unknown[] {
    return [
      ...this.shardRecords.all(),
      ...this.appliedFacts.all(),
      { _id: 'active', generation: this.active },
      ...[...this.releases].map(([_id, body]) => ({ _id, body })),
    ];
  }
}
