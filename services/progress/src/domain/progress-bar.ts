import type { Activity } from './activity';

/** L7/L8: how many of the counted activities a participant declared done; indicative only. */
export interface ProgressBar {
  done: number;
  total: number;
  /** Rounded down, so 100 means every counted activity is done and nothing less shows as 100. */
  percent: number;
}

export interface ActivityProgress extends Activity {
  done: boolean;
}

export interface ParticipantProgress extends ProgressBar {
  activities: ActivityProgress[];
}

/**
 * Optional activities are listed but never counted; marks of activities that are no longer in the
 * list count for nothing (removing an activity recomputes every bar); an empty course is 0 of 0, 0 %.
 */
export function progressBarOf(
  activities: readonly Activity[],
  doneActivityIds: ReadonlySet<string>,
): ProgressBar {
  const counted = activities.filter((activity) => !activity.optional);
  const done = counted.filter((activity) => doneActivityIds.has(activity.id)).length;
  const total = counted.length;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

export function participantProgressOf(
  activities: readonly Activity[],
  doneActivityIds: ReadonlySet<string>,
): ParticipantProgress {
  return {
    ...progressBarOf(activities, doneActivityIds),
    activities: activities.map((activity) => ({ ...activity, done: doneActivityIds.has(activity.id) })),
  };
}
