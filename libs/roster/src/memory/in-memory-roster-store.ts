import { InMemoryDocuments } from '@relais/store';
import { emptyRoster, type CourseRoster } from '../course-roster';
import { withoutPerson } from '../roster-changes';
import type { RosterStore } from '../roster-store';

interface RosterDocument {
  roster: CourseRoster;
  appliedEventIds: string[];
}

const appliedEventsCap = 500;

export class InMemoryRosterStore implements RosterStore {
  private readonly documents = new InMemoryDocuments<RosterDocument>();

  async get(courseId: string): Promise<CourseRoster | undefined> {
    return this.documents.get(courseId)?.roster;
  }

  async apply(
    courseId: string,
    eventId: string,
    change: (current: CourseRoster) => CourseRoster,
  ): Promise<boolean> {
    let applied = false;
    this.documents.update(courseId, (current) => {
      const document = current ?? { roster: emptyRoster(courseId), appliedEventIds: [] };
      if (document.appliedEventIds.includes(eventId)) return undefined;
      applied = true;
      return {
        roster: change(document.roster),
        appliedEventIds: [...document.appliedEventIds, eventId].slice(-appliedEventsCap),
      };
    });
    return applied;
  }

  async closingBetween(first: string, last: string): Promise<CourseRoster[]> {
    return this.documents
      .find(
        ({ roster }) => roster.closesOn !== undefined && roster.closesOn >= first && roster.closesOn <= last,
      )
      .map(({ roster }) => roster);
  }

  async dateUndatedClosures(day: string): Promise<number> {
    const undated = this.documents
      .all()
      .filter(({ roster }) => roster.status === 'closed' && roster.closedOn === undefined);
    for (const { roster } of undated) {
      this.documents.update(roster.courseId, (current) =>
        current && current.roster.status === 'closed' && current.roster.closedOn === undefined
          ? { ...current, roster: { ...current.roster, closedOn: day } }
          : undefined,
      );
    }
    return undated.length;
  }

  async forgetPerson(userId: string): Promise<number> {
    const naming = await this.coursesOf(userId);
    for (const roster of naming) {
      this.documents.update(roster.courseId, (current) =>
        current ? { ...current, roster: withoutPerson(userId)(current.roster) } : undefined,
      );
    }
    return naming.length;
  }

  async closedBefore(day: string): Promise<CourseRoster[]> {
    return this.documents
      .find(({ roster }) => roster.closedOn !== undefined && roster.closedOn < day)
      .map(({ roster }) => roster);
  }

  async coursesOf(userId: string): Promise<CourseRoster[]> {
    return this.documents
      .find(
        ({ roster }) =>
          roster.trainers.some((t) => t.userId === userId) ||
          roster.participants.some((p) => p.userId === userId),
      )
      .map(({ roster }) => roster);
  }
}
