/**
 * Protected tables are a pure function of their counters, and secondary suppression is the costly
 * part of a query: each family (a month of feedback, a quarter of enrollments) is computed again only
 * when its counters changed. Bounded, oldest first out. A dozen lines did not justify a dependency.
 */
export class TableCache<T> {
  private readonly entries = new Map<string, { fingerprint: string; value: T }>();

  constructor(private readonly capacity = 256) {}

  get(key: string, counters: Iterable<[string, number]>, compute: () => T): T {
    const fingerprint = JSON.stringify([...counters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const cached = this.entries.get(key);
    if (cached?.fingerprint === fingerprint) return cached.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, value });
    if (this.entries.size > this.capacity) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
