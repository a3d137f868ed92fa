import type { Activity } from '../domain/activity';

export interface ActivityStore {
  activitiesOf(courseId: string): Promise<Activity[]>;
  replace(courseId: string, activities: readonly Activity[]): Promise<void>;
}
