import { InMemoryDocuments } from '@relais/store';
import type { CompletionMark } from '../../domain/completion-mark';
import type { CompletionMarkStore } from '../../application/ports';
import { completionMarkIdOf } from '../completion-mark-id';

export class InMemoryCompletionMarkStore implements CompletionMarkStore {
  private readonly marks = new InMemoryDocuments<CompletionMark>();

  async add(mark: CompletionMark): Promise<void> {
    this.marks.set(completionMarkIdOf(mark), { ...mark });
  }

  async remove(mark: CompletionMark): Promise<void> {
    this.marks.delete(completionMarkIdOf(mark));
  }

  async doneBy(courseId: string, userId: string): Promise<Set<string>> {
    const own = this.marks.find((mark) => mark.courseId === courseId && mark.userId === userId);
    return new Set(own.map((mark) => mark.activityId));
  }

  async marksOf(courseId: string): Promise<CompletionMark[]> {
    return this.marks.find((mark) => mark.courseId === courseId);
  }

  async marksBy(userId: string): Promise<CompletionMark[]> {
    return this.marks.find((mark) => mark.userId === userId);
  }

  async forgetParticipant(courseId: string, userId: string): Promise<void> {
    this.deleteWhere((mark) => mark.courseId === courseId && mark.userId === userId);
  }

  async forgetActivities(courseId: string, activityIds: readonly string[]): Promise<void> {
    const removed = new Set(activityIds);
    this.deleteWhere((mark) => mark.courseId === courseId && removed.has(mark.activityId));
  }

  async forgetCourses(courseIds: readonly string[]): Promise<number> {
    const past = new Set(courseIds);
    return this.deleteWhere((mark) => past.has(mark.courseId));
  }

  async forgetPerson(userId: string): Promise<number> {
    return this.deleteWhere((mark) => mark.userId === userId);
  }

  /** What the store holds, as a database reader would see it: for the no-tracking tests. */
  storedDocuments(): CompletionMark[] {
    return this.marks.all();
  }

  private deleteWhere(predicate: (mark: CompletionMark) => boolean): number {
    let deleted = 0;
    for (const mark of this.marks.find(predicate)) {
      if (this.marks.delete(completionMarkIdOf(mark))) deleted += 1;
    }
    return deleted;
  }
}
