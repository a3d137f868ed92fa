/** Where a fact sits on its topic: partitions are consumed in order, one consumer each. */
export interface FactPosition {
  topic: string;
  partition: number;
  offset: number;
}

export type PartitionOf = Pick<FactPosition, 'topic' | 'partition'>;

/** One fact reduced to what the tables need: the counters it raises in its month's shard. */
export interface CountedFact {
  offset: number;
  factId: string;
  month: string;
  increments: readonly string[];
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
   * Applies, in offset order, consecutive facts of one partition, each once: a fact changes nothing
   * when its shard has already applied an offset at least as far on the partition, or when its id was
   * already applied from another position (the outbox relay may publish a fact twice). Answers, per
   * fact, whether it was applied. Runs of different partitions may be handed over at once; runs of one
   * partition handed over at once are applied in the order given.
   */
  applyRun(generation: number, partition: PartitionOf, facts: readonly CountedFact[]): Promise<boolean[]>;
  shards(generation: number, topic: string, months: readonly string[]): Promise<TallyShard[]>;
  activate(generation: number): Promise<void>;
  /** Forgets a whole generation (an abandoned rebuild, or the tables a rebuild replaced). */
  drop(generation: number): Promise<void>;
  /**
   * A published release (a quarter of ministry tables, a month of CHSCT ones) as it was first
   * published, or undefined. Releases belong to no generation: a rebuild never changes them (ADR 0014).
   */
  release(id: string): Promise<string | undefined>;
  /**
   * Stores a release unless one is stored under this id already, and answers the stored one: when two
   * processes publish the same period at once, the first write wins and both serve it.
   */
  publish(id: string, body: string): Promise<string>;
}
