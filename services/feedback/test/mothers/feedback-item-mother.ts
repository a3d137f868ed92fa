import { randomUUID } from 'node:crypto';
import type { FeedbackItem, Reply } from '../../src/domain/feedback-item';

/** Feedback items for tests: valid by default, overridden where a test cares. */
export const FeedbackItemMother = {
  anonymous(overrides: Partial<FeedbackItem> = {}): FeedbackItem {
    return {
      id: randomUUID(),
      courseId: randomUUID(),
      academy: 'lyon',
      category: 'workload-time',
      intensity: 4,
      message: 'I cannot find the time to do the activities between two classes.',
      visibility: 'anonymous',
      authorToken: 'token-of-the-author',
      status: 'open',
      postedOn: '2026-11-02',
      replies: [],
      ...overrides,
    };
  },
  named(overrides: Partial<FeedbackItem> = {}): FeedbackItem {
    return FeedbackItemMother.anonymous({ visibility: 'named', authorName: 'Camille Durand', ...overrides });
  },
};

export const ReplyMother = {
  byTrainer(overrides: Partial<Reply> = {}): Reply {
    return {
      id: randomUUID(),
      by: 'trainer',
      name: 'Alice Martin',
      message: 'Thank you, let us talk about it.',
      postedOn: '2026-11-04',
      ...overrides,
    };
  },
  byAuthor(overrides: Partial<Reply> = {}): Reply {
    return {
      id: randomUUID(),
      by: 'author',
      message: 'It still does not work.',
      postedOn: '2026-11-05',
      ...overrides,
    };
  },
};
