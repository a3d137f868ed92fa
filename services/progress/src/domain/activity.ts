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
  optional: boolean;
}

export class DuplicateActivityIds extends Error {
  override readonly name = 'DuplicateActivityIds';
  constructor(readonly ids: readonly string[]) {
    super(`Activity ids must be unique in a course; repeated: ${ids.join(', ')}.`);
  }
}

export function checkActivityList(activities: readonly Activity[]): Activity[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of activities) (seen.has(id) ? repeated : seen).add(id);
  if (repeated.size > 0) throw new DuplicateActivityIds([...repeated]);
  return [...activities];
}
