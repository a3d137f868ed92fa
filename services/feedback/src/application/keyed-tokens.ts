import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Keyed one-way tokens (HMAC-SHA-256) with the secret FEEDBACK_AUTHOR_KEY, which lives in the
 * configuration, never in the database. Each purpose is a separate label, so a token made for one
 * purpose matches none made for another; without the key a token names no one (docs/design.md §7).
 */
export class KeyedTokens {
  constructor(private readonly key: string) {
    if (key.length < 32) throw new Error('FEEDBACK_AUTHOR_KEY must be at least 32 characters long');
  }

  /** Per item, so that a database reader cannot even group the items of one author. */
  authorOf(userId: string, courseId: string, itemId: string): string {
    return this.token('author', userId, courseId, itemId);
  }

  isAuthor(item: { authorToken: string; courseId: string; id: string }, userId: string): boolean {
    const expected = Buffer.from(this.authorOf(userId, item.courseId, item.id));
    const stored = Buffer.from(item.authorToken);
    return expected.length === stored.length && timingSafeEqual(expected, stored);
  }

  /** "This person wrote in this course", for his own view after he left it (AuthorshipIndex). */
  authorIn(userId: string, courseId: string): string {
    return this.token('author-in-course', userId, courseId);
  }

  /** "Was this teacher already counted in this cell this month?" without remembering who. */
  respondentIn(userId: string, month: string, cell: string, cellValues: readonly string[]): string {
    return this.token('respondent', userId, month, cell, ...cellValues);
  }

  /** The daily quota of one person for one kind of write in one course. */
  quotaOf(kind: string, userId: string, courseId: string, day: string): string {
    return this.token('quota', kind, userId, courseId, day);
  }

  private token(purpose: string, ...parts: readonly string[]): string {
    return createHmac('sha256', this.key)
      .update([purpose, ...parts].join('\u0000'))
      .digest('base64url');
  }
}
