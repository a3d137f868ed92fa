import { membershipOf, type RosterStore } from '@relais/roster';
import { checkActivityList, type Activity } from '../domain/activity';
import { CourseNotFound } from './errors';
import type { ActivityStore } from './ports';

/** L4: only trainers and participants of a course see anything of it; others get "not found". */
export class ProgressUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly activities: ActivityStore,
  ) {}

  async activitiesFor(userId: string, courseId: string): Promise<Activity[]> {
    const membership = membershipOf(await this.rosters.get(courseId), userId);
    if (membership === 'none') throw new CourseNotFound();
    return this.activities.activitiesOf(courseId);
  }

  async replaceActivities(
    userId: string,
    courseId: string,
    activities: readonly Activity[],
  ): Promise<Activity[]> {
    if (membershipOf(await this.rosters.get(courseId), userId) !== 'trainer') throw new CourseNotFound();
    const checked = checkActivityList(activities);
    await this.activities.replace(courseId, checked);
    return checked;
  }
}
