import { InMemoryDocuments } from '@relais/store';
import type { Activity } from '../../domain/activity';
import type { ActivityStore } from '../../application/ports';

export class InMemoryActivityStore implements ActivityStore {
  private readonly lists = new InMemoryDocuments<Activity[]>();

  async activitiesOf(courseId: string): Promise<Activity[]> {
    return this.lists.get(courseId) ?? [];
  }

  async replace(courseId: string, activities: readonly Activity[]): Promise<void> {
    this.lists.set(courseId, [...activities]);
  }

  /** What the store holds, as a database reader would see it: for the no-tracking tests. */
  storedDocuments(): Activity[][] {
    return this.lists.all();
  }
}
