/**
 * Who is a member of a course, as another service needs to know it (L4): trainers and participants
 * (enrolled or completed), with the names and schools the course's members may see (L6). Nothing
 * else of a person is replicated.
 */
export interface RosterPerson {
  userId: string;
  name: string;
}

export interface RosterParticipant extends RosterPerson {
  school?: string;
  status: 'enrolled' | 'completed';
}

export interface CourseRoster {
  courseId: string;
  academy: string;
  title: string;
  status: 'open' | 'closed';
  /** The planned closing day (YYYY-MM-DD), when the course has one. */
  closesOn?: string;
  /**
   * The day the course was closed (YYYY-MM-DD), from the event that closed it: the retention schedule
   * counts from it (docs/adr/0032-retention-schedule.md). Absent while the course is open.
   */
  closedOn?: string;
  trainers: RosterPerson[];
  participants: RosterParticipant[];
}

export type Membership = 'trainer' | 'participant' | 'none';

export function membershipOf(roster: CourseRoster | undefined, userId: string): Membership {
  if (!roster) return 'none';
  if (roster.trainers.some((trainer) => trainer.userId === userId)) return 'trainer';
  if (roster.participants.some((participant) => participant.userId === userId)) return 'participant';
  return 'none';
}

/** A roster known only through enrollment events about its participants, before the course event. */
export const emptyRoster = (courseId: string): CourseRoster => ({
  courseId,
  academy: '',
  title: '',
  status: 'open',
  trainers: [],
  participants: [],
});
