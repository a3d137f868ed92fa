import type { Connection, Model } from 'mongoose';
import { countedTokensModel, MongoCountedTokens, type CountedTokenRecord } from '@relais/store';
import type { AuthorshipIndex } from '../../application/ports';

/** One document per (author, course) token, its `_id`, and nothing else: no course, no time. */
export const authorshipModel = (connection: Connection) =>
  countedTokensModel(connection, 'FeedbackAuthorship', 'feedback_authorship');

export class MongoAuthorshipIndex implements AuthorshipIndex {
  private readonly tokens: MongoCountedTokens;

  constructor(model: Model<CountedTokenRecord>) {
    this.tokens = new MongoCountedTokens(model);
  }

  recorded(tokens: readonly string[]): Promise<Set<string>> {
    return this.tokens.alreadyCounted(tokens);
  }

  record(token: string): Promise<void> {
    return this.tokens.markCounted([token]);
  }
}
