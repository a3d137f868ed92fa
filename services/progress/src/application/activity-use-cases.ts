import { checkActivityList, removedActivityIds, type Activity } from '../domain/activity';
import type { CourseAccess } from './course-access';
import type { ActivityStore, CompletionMarkStore } from './ports';

export class ActivityUseCases {
  constructor(
    private readonly access: CourseAccess,
    private readonly activities: ActivityStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  async activitiesFor(userId: string, courseId: string): Promise<Activity[]> {
    await this.access.asMember(courseId, userId);
    return this.activities.activitiesOf(courseId);
  }

  /**
   * Replaces the whole list. Marks of removed activities are deleted (nothing is kept that no bar
   * shows); bars never count them anyway, so a mark written concurrently with the removal is harmless.
   */
  async replaceActivities(
    userId: string,
    courseId: string,
    activities: readonly Activity[],
  ): Promise<Activity[]> {
    await this.access.asTrainer(courseId, userId);
    const checked = checkActivityList(activities);
    const previous = await this.activities.activitiesOf(courseId);
    await this.activities.replace(courseId, checked);
    const removed = removedActivityIds(previous, checked);
    if (removed.length > 0) await this.marks.forgetActivities(courseId, removed);
    return checked;
  }
}
