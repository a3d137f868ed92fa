/**
 * A participant's own declaration that he did an activity (L7). Its existence is the whole record:
 * "not done" is the absence of a mark, so undoing a mark leaves nothing behind, and a mark carries no
 * time, no count and no date (L2).
 */
export interface CompletionMark {
  courseId: string;
  userId: string;
  activityId: string;
}
