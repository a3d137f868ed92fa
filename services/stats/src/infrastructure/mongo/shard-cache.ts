import type { TallyShard } from '../../application/ports';

/**
 * Decoded shards a query read, each with the head of its partition when it was read: while the head
 * has not moved, the shard has not changed, and the query skips reading and decoding it again (the
 * costly part on FerretDB: ~2 ms per 40 kB shard). Bounded, least recently used out. A small map did
 * not justify a dependency.
 */
export class ShardCache {
  private readonly entries = new Map<string, { head: number; shard: TallyShard | null }>();

  constructor(private readonly capacity = 512) {}

  /** The shard as cached under this head (null: known not to exist), or undefined when unknown. */
  get(id: string, head: number): TallyShard | null | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.head !== head) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.shard;
  }

  set(id: string, head: number, shard: TallyShard | null): void {
    this.entries.delete(id);
    this.entries.set(id, { head, shard });
    if (this.entries.size > this.capacity) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
