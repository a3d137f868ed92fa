import type { CompletionMark } from '../domain/completion-mark';

/**
 * One mark per (course, participant, activity), so its id is derived from them: adding a mark twice
 * is the same insert, and removing it needs no search. JSON keeps the three parts unambiguous
 * whatever characters an id may hold.
 */
export function completionMarkIdOf({ courseId, userId, activityId }: CompletionMark): string {
  return JSON.stringify([courseId, userId, activityId]);
}
