/** An activity of a course. Completion is self-declared and indicative only (L7). */
export const activityKinds = [
  'resource',
  'video',
  'quiz',
  'forum',
  'assignment',
  'virtual-class',
  'other',
] as const;

export type ActivityKind = (typeof activityKinds)[number];

export interface Activity {
  id: string;
  title: string;
  kind: ActivityKind;
  /** Shown to participants, but not counted in their progress bar (L7). */
  optional: boolean;
}

export class DuplicateActivityIds extends Error {
  override readonly name = 'DuplicateActivityIds';
  constructor(readonly ids: readonly string[]) {
    super(`Activity ids must be unique in a course; repeated: ${ids.join(', ')}.`);
  }
}

export class EmptyActivityTitle extends Error {
  override readonly name = 'EmptyActivityTitle';
  constructor(readonly id: string) {
    super(`Every activity needs a title; activity ${id} has none.`);
  }
}

/** The rules an activity list must follow whoever builds it; the HTTP edge checks shapes first. */
export function checkActivityList(activities: readonly Activity[]): Activity[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of activities) (seen.has(id) ? repeated : seen).add(id);
  if (repeated.size > 0) throw new DuplicateActivityIds([...repeated]);
  const untitled = activities.find((activity) => activity.title.trim() === '');
  if (untitled) throw new EmptyActivityTitle(untitled.id);
  return activities.map((activity) => ({ ...activity, title: activity.title.trim() }));
}

/** Ids that were in the previous list and are not in the next one: their completion marks go. */
export function removedActivityIds(previous: readonly Activity[], next: readonly Activity[]): string[] {
  const kept = new Set(next.map((activity) => activity.id));
  return previous.map((activity) => activity.id).filter((id) => !kept.has(id));
}
