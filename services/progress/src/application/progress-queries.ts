import type { RosterParticipant } from '@relais/roster';
import { participantProgressOf, progressBarOf, type ParticipantProgress } from '../domain/progress-bar';
import type { CourseAccess } from './course-access';
import type { ActivityStore, CompletionMarkStore } from './ports';

/** L8: one row per participant of the course, nothing but the bar. */
export interface ParticipantBar {
  userId: string;
  name: string;
  done: number;
  total: number;
  percent: number;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

export class ProgressQueries {
  constructor(
    private readonly access: CourseAccess,
    private readonly activities: ActivityStore,
    private readonly marks: CompletionMarkStore,
  ) {}

  /** L7: the participant's own bar and the list behind it. */
  async progressOf(userId: string, courseId: string): Promise<ParticipantProgress> {
    await this.access.asParticipant(courseId, userId);
    const [activities, done] = await Promise.all([
      this.activities.activitiesOf(courseId),
      this.marks.doneBy(courseId, userId),
    ]);
    return participantProgressOf(activities, done);
  }

  /** L8: the trainer's synthetic view; only current participants, whatever marks remain. */
  async barsOf(trainerId: string, courseId: string): Promise<ParticipantBar[]> {
    const roster = await this.access.asTrainer(courseId, trainerId);
    const [activities, marks] = await Promise.all([
      this.activities.activitiesOf(courseId),
      this.marks.marksOf(courseId),
    ]);
    const doneByParticipant = new Map<string, Set<string>>();
    for (const { userId, activityId } of marks) {
      const done = doneByParticipant.get(userId) ?? new Set<string>();
      done.add(activityId);
      doneByParticipant.set(userId, done);
    }
    return [...roster.participants]
      .sort((a, b) => byName.compare(a.name, b.name))
      .map(({ userId, name }: RosterParticipant) => ({
        userId,
        name,
        ...progressBarOf(activities, doneByParticipant.get(userId) ?? new Set()),
      }));
  }
}
