/** Outcomes of a use case that are not domain rules: the HTTP adapter maps them to problems. */
export class CourseNotFound extends Error {
  override readonly name = 'CourseNotFound';
  constructor() {
    super('No course with this id is visible to you.');
  }
}

export class FeedbackNotFound extends Error {
  override readonly name = 'FeedbackNotFound';
  constructor() {
    super('No feedback item with this id is visible to you.');
  }
}

export class RecipientNotInCourse extends Error {
  override readonly name = 'RecipientNotInCourse';
  constructor() {
    super('You can write only to a trainer or a participant of this course.');
  }
}

/** An anonymous item in a course too small to hide its author (docs/design.md §7): it may be sent named. */
export class AnonymityThresholdNotMet extends Error {
  override readonly name = 'AnonymityThresholdNotMet';
  constructor(readonly threshold: number) {
    super(
      `This course has fewer than ${threshold} participants: too few to keep the author of an ` +
        'anonymous item anonymous. Send it named instead (visibility "named"); nothing was posted.',
    );
  }
}

export type QuotaKind = 'feedback' | 'reply' | 'message';

export class DailyLimitReached extends Error {
  override readonly name = 'DailyLimitReached';
  constructor(
    readonly kind: QuotaKind,
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`${describeQuota[kind](limit)} The limit resets at midnight (Paris time).`);
  }
}

const describeQuota: Record<QuotaKind, (limit: number) => string> = {
  feedback: (limit) =>
    `You can post at most ${limit} feedback items a day in one course; you can still reply in the ones you posted.`,
  reply: (limit) => `You can add at most ${limit} replies a day to your feedback in one course.`,
  message: (limit) => `You can send at most ${limit} messages a day in one course.`,
};
