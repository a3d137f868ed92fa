import type { DailyQuota } from '../../application/ports';

export class InMemoryDailyQuota implements DailyQuota {
  private readonly used = new Map<string, { day: string; count: number }>();

  async take(key: string, day: string, limit: number): Promise<boolean> {
    // Yesterday's allowances are of no use any more: forget them.
    for (const [other, usage] of this.used) if (usage.day < day) this.used.delete(other);
    const usage = this.used.get(key) ?? { day, count: 0 };
    if (usage.count >= limit) return false;
    this.used.set(key, { day, count: usage.count + 1 });
    return true;
  }
}
