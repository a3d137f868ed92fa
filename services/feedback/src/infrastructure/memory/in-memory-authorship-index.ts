import type { AuthorshipIndex } from '../../application/ports';

export class InMemoryAuthorshipIndex implements AuthorshipIndex {
  private readonly tokens = new Set<string>();

  async recorded(tokens: readonly string[]): Promise<Set<string>> {
    return new Set(tokens.filter((token) => this.tokens.has(token)));
  }

  async record(token: string): Promise<void> {
    this.tokens.add(token);
  }

  async forget(tokens: readonly string[]): Promise<void> {
    for (const token of tokens) this.tokens.delete(token);
  }
}
