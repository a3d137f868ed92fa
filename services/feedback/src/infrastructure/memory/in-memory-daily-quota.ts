import type { DailyQuota } from '../../application/ports';

export class InMemoryDailyQuota implements DailyQuota {
  private readonly usages = new Map<string, { day: string; count: number }>();

  async take(key: string, day: string, limit: number): Promise<boolean> {
    // Yesterday's allowances are of no use any more: forget them.
    for (const [other, usage] of this.usages) if (usage.day < day) this.usages.delete(other);
    const usage = this.usages.get(key) ?? { day, count: 0 };
    if (usage.count >= limit) return false;
    this.usages.set(key, { day, count: usage.count + 1 });
    return true;
  }

  async daysHeld(): Promise<string[]> {
    return [...new Set([...this.usages.values()].map((usage) => usage.day))];
  }

  async forgetDaysBefore(day: string): Promise<number> {
    let forgotten = 0;
    for (const [key, usage] of this.usages) {
      if (usage.day >= day) continue;
      this.usages.delete(key);
      forgotten += usage.count;
    }
    return forgotten;
  }

  async forgetKeys(keys: readonly string[]): Promise<number> {
    let forgotten = 0;
    for (const key of new Set(keys)) {
      forgotten += this.usages.get(key)?.count ?? 0;
      this.usages.delete(key);
    }
    return forgotten;
  }

  async used(keys: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const key of keys) {
      const usage = this.usages.get(key);
      if (usage) counts.set(key, usage.count);
    }
    return counts;
  }
}
