import { dayOf, secondsUntilNextDay } from '../../src/application/calendar';
import { KeyedTokens } from '../../src/application/keyed-tokens';

describe('keyed tokens', () => {
  const tokens = new KeyedTokens('k'.repeat(32));
  const item = { id: 'item-1', courseId: 'course-1' };

  it('recognises the author of an item, and no one else', () => {
    const stored = { ...item, authorToken: tokens.authorOf('user-1', item.courseId, item.id) };
    expect(tokens.isAuthor(stored, 'user-1')).toBe(true);
    expect(tokens.isAuthor(stored, 'user-2')).toBe(false);
  });

  it('gives one author different tokens on different items, so items cannot be grouped by author', () => {
    expect(tokens.authorOf('user-1', 'course-1', 'item-1')).not.toBe(
      tokens.authorOf('user-1', 'course-1', 'item-2'),
    );
  });

  it('depends on the secret key, and contains no trace of the user id', () => {
    const token = tokens.authorOf('user-1', 'course-1', 'item-1');
    expect(new KeyedTokens('x'.repeat(32)).authorOf('user-1', 'course-1', 'item-1')).not.toBe(token);
    expect(token).not.toContain('user-1');
  });

  it('refuses a key too short to be a secret', () => {
    expect(() => new KeyedTokens('short')).toThrow(/at least 32 characters/);
  });
});

describe('the Paris calendar', () => {
  it('dates a post by the day in Paris, not in UTC', () => {
    expect(dayOf(new Date('2026-11-02T23:30:00Z'))).toBe('2026-11-03');
    expect(dayOf(new Date('2026-07-02T21:59:00Z'))).toBe('2026-07-02');
  });

  it('asks a limited writer to wait until midnight in Paris', () => {
    // 22:00 in Paris (UTC+1 in November): two hours left.
    expect(secondsUntilNextDay(new Date('2026-11-02T21:00:00Z'))).toBe(7_200);
  });
});
