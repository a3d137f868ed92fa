import { membershipOf, type CourseRoster, type RosterStore } from '@relais/roster';
import { CourseNotFound } from './errors';

/**
 * L4: a course is a professional space. Every use case asks here who the caller is in the course,
 * from the roster replica; anyone without the needed place gets "not found", never a hint that the
 * course exists.
 */
export class CourseAccess {
  constructor(private readonly rosters: RosterStore) {}

  async asMember(courseId: string, userId: string): Promise<CourseRoster> {
    const roster = await this.rosters.get(courseId);
    if (!roster || membershipOf(roster, userId) === 'none') throw new CourseNotFound();
    return roster;
  }

  async asTrainer(courseId: string, userId: string): Promise<CourseRoster> {
    const roster = await this.rosters.get(courseId);
    if (!roster || membershipOf(roster, userId) !== 'trainer') throw new CourseNotFound();
    return roster;
  }

  async asParticipant(courseId: string, userId: string): Promise<CourseRoster> {
    const roster = await this.rosters.get(courseId);
    if (!roster || membershipOf(roster, userId) !== 'participant') throw new CourseNotFound();
    return roster;
  }

  async isParticipant(courseId: string, userId: string): Promise<boolean> {
    return membershipOf(await this.rosters.get(courseId), userId) === 'participant';
  }
}
