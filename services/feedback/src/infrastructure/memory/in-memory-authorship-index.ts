import { InMemoryCountedTokens } from '@relais/store';
import type { AuthorshipIndex } from '../../application/ports';

export class InMemoryAuthorshipIndex implements AuthorshipIndex {
  private readonly tokens = new InMemoryCountedTokens();

  recorded(tokens: readonly string[]): Promise<Set<string>> {
    return this.tokens.alreadyCounted(tokens);
  }

  record(token: string): Promise<void> {
    return this.tokens.markCounted([token]);
  }
}
