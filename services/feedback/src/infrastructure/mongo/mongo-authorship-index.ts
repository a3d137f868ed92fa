import mongoose, { type Connection, type Model } from 'mongoose';
import { countedTokensModel, MongoCountedTokens, type CountedTokenRecord } from '@relais/store';
import type { AuthorshipIndex } from '../../application/ports';
import { batchesOf } from './mongo-retention';

/** One document per (author, course) token, its `_id`, and nothing else: no course, no time. */
export const authorshipModel = (connection: Connection) =>
  countedTokensModel(connection, 'FeedbackAuthorship', 'feedback_authorship');

export class MongoAuthorshipIndex implements AuthorshipIndex {
  private readonly tokens: MongoCountedTokens;

  constructor(private readonly model: Model<CountedTokenRecord>) {
    this.tokens = new MongoCountedTokens(model);
  }

  recorded(tokens: readonly string[]): Promise<Set<string>> {
    return this.tokens.alreadyCounted(tokens);
  }

  record(token: string): Promise<void> {
    return this.tokens.markCounted([token]);
  }

  async forget(tokens: readonly string[]): Promise<void> {
    // By `_id`, in bounded batches: a course's members, times the courses a pass looks at.
    for (const batch of batchesOf(tokens)) {
      await this.model.deleteMany({ _id: mongoose.trusted({ $in: batch }) }).exec();
    }
  }
}
