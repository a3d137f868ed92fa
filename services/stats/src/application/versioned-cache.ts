/**
 * Values kept per key for as long as their version holds: protected tables while their counters are
 * the same, decoded shards while their partition's head has not moved. Bounded, least recently used
 * out. A few lines did not justify a dependency.
 */
export class VersionedCache<Value> {
  private readonly entries = new Map<string, { version: string | number; value: Value }>();

  constructor(private readonly capacity: number) {}

  /** The value stored under this version, wrapped (it may itself be null), or undefined. */
  lookup(key: string, version: string | number): { value: Value } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  store(key: string, version: string | number, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  remember(key: string, version: string | number, compute: () => Value): Value {
    const cached = this.lookup(key, version);
    if (cached) return cached.value;
    const value = compute();
    this.store(key, version, value);
    return value;
  }
}
