/** Where a fact sits on its topic: partitions are consumed in order, one consumer each. */
export interface FactPosition {
  topic: string;
  partition: number;
  offset: number;
}

/** The counters one partition of one facts topic contributed to one month. */
export interface TallyShard {
  topic: string;
  partition: number;
  month: string;
  counters: ReadonlyMap<string, number>;
}

/**
 * The stats tables as counters, kept per (generation, topic, partition, month): a shard has a single
 * writer by construction (the consumer of its partition), so a whole-document write of it is safe on
 * FerretDB, where conditional updates are not atomic (ADR 0004, ADR 0011). A generation is one full
 * set of tables; a rebuild fills the next one and then makes it active.
 */
export interface TallyStore {
  activeGeneration(): Promise<number>;
  /**
   * Adds one to each named counter of the fact's shard, once: answers false, changing nothing, when
   * the shard has already seen this fact id or an offset at least as far on its partition. Callers
   * serialize the calls of one shard.
   */
  apply(
    generation: number,
    position: FactPosition,
    month: string,
    factId: string,
    increments: readonly string[],
  ): Promise<boolean>;
  shards(generation: number, topic: string, months: readonly string[]): Promise<TallyShard[]>;
  activate(generation: number): Promise<void>;
  /** Forgets a whole generation (an abandoned rebuild, or the tables a rebuild replaced). */
  drop(generation: number): Promise<void>;
}
