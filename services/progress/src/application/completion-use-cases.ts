import { participantProgressOf, type ParticipantProgress } from '../domain/progress-bar';
import type { CompletionMark } from '../domain/completion-mark';
import type { CourseAccess } from './course-access';
import { ActivityNotFound } from './errors';
import type { ActivityStore, CompletionMarkStore } from './ports';

/** L7: a participant declares, for himself only, that an activity is done or not done. */
export class CompletionUseCases {
  constructor(
    private readonly access: CourseAccess,
    private readonly activities: ActivityStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  async declare(
    userId: string,
    courseId: string,
    activityId: string,
    done: boolean,
  ): Promise<ParticipantProgress> {
    await this.access.asParticipant(courseId, userId);
    const activities = await this.activities.activitiesOf(courseId);
    if (!activities.some((activity) => activity.id === activityId)) throw new ActivityNotFound(activityId);
    const mark: CompletionMark = { courseId, userId, activityId };
    if (done) {
      await this.marks.add(mark);
      await this.undoIfWithdrawnMeanwhile(mark);
    } else {
      await this.marks.remove(mark);
    }
    return participantProgressOf(activities, await this.marks.doneBy(courseId, userId));
  }

  /**
   * The roster's withdrawal hook (L1): the participant's marks go with him; re-enrolling starts at 0.
   * The hook runs on every delivery of the withdrawal. When it is delivered again after the teacher
   * enrolled anew, the roster (already past it) still lists him: his new marks are not the old ones.
   */
  async forgetParticipant(courseId: string, userId: string): Promise<void> {
    if (await this.access.isParticipant(courseId, userId)) return;
    await this.marks.forgetParticipant(courseId, userId);
  }

  /**
   * A withdrawal may be applied between our membership check and our write; its hook then ran before
   * the mark existed. Checking again after the write closes that window: either the hook's delete
   * comes after our write, or we see the withdrawal here and delete the mark ourselves.
   */
  private async undoIfWithdrawnMeanwhile(mark: CompletionMark): Promise<void> {
    if (await this.access.isParticipant(mark.courseId, mark.userId)) return;
    await this.marks.remove(mark);
  }
}
