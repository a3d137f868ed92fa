import type { RespondentCounter } from '../../application/ports';

export class InMemoryRespondentCounter implements RespondentCounter {
  private readonly counted = new Set<string>();

  async alreadyCounted(tokens: readonly string[]): Promise<Set<string>> {
    return new Set(tokens.filter((token) => this.counted.has(token)));
  }

  async markCounted(tokens: readonly string[]): Promise<void> {
    for (const token of tokens) this.counted.add(token);
  }
}
