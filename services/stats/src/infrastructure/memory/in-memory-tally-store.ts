import { InMemoryDocuments } from '@relais/store';
import type { FactPosition, TallyShard, TallyStore } from '../../application/ports';
import {
  appliedFactIdOf,
  isRepublished,
  shardIdOf,
  withIncrements,
  type AppliedFactRecord,
  type ShardRecord,
} from '../tally-shard';

export class InMemoryTallyStore implements TallyStore {
  private readonly shardRecords = new InMemoryDocuments<ShardRecord>();
  private readonly appliedFacts = new InMemoryDocuments<AppliedFactRecord>();
  private active = 0;

  async activeGeneration(): Promise<number> {
    return this.active;
  }

  async apply(
    generation: number,
    position: FactPosition,
    month: string,
    factId: string,
    increments: readonly string[],
  ): Promise<boolean> {
    const id = shardIdOf(generation, position, month);
    const shard = this.shardRecords.get(id);
    if (shard && position.offset <= shard.appliedThrough) return false;
    const markerId = appliedFactIdOf(generation, factId);
    const marker = this.appliedFacts.get(markerId);
    if (marker && isRepublished(marker, position)) return false;
    if (!marker) this.appliedFacts.set(markerId, { _id: markerId, generation, ...position });
    this.shardRecords.set(id, {
      _id: id,
      generation,
      topic: position.topic,
      partition: position.partition,
      month,
      appliedThrough: position.offset,
      counters: withIncrements(shard?.counters ?? [], increments),
    });
    return true;
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
        counters: new Map(shard.counters.map(({ key, count }) => [key, count])),
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

  /** Every stored document, as a reader of the database would see them (for the personal-data test). */
  documents(): unknown[] {
    return [
      ...this.shardRecords.all(),
      ...this.appliedFacts.all(),
      { _id: 'active', generation: this.active },
    ];
  }
}
