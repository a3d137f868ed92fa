import type { ParticipationCounter } from '../../application/ports';

export class InMemoryParticipationCounter implements ParticipationCounter {
  private readonly counted = new Set<string>();

  async alreadyCounted(cellTokens: readonly string[]): Promise<Set<string>> {
    return new Set(cellTokens.filter((token) => this.counted.has(token)));
  }

  async markCounted(cellTokens: readonly string[]): Promise<void> {
    for (const token of cellTokens) this.counted.add(token);
  }
}
