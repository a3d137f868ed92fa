import type { CourseRoster, RosterParticipant } from './course-roster';

export interface CourseSnapshot {
  courseId: string;
  academy: string;
  title: string;
  status: 'open' | 'closed';
  trainers: { userId: string; name: string }[];
  closesOn?: string | undefined;
}

/**
 * `day` is the day of the event (YYYY-MM-DD): a course that this snapshot closes was closed that day,
 * and a course closed earlier keeps its first closing day however often the snapshot repeats it.
 */
export const withCourse =
  (snapshot: CourseSnapshot, day: string) =>
  (roster: CourseRoster): CourseRoster => {
    const { closesOn: _previous, closedOn: previouslyClosedOn, ...rest } = roster;
    const closedOn =
      snapshot.status === 'closed'
        ? ((roster.status === 'closed' ? previouslyClosedOn : undefined) ?? day)
        : undefined;
    return {
      ...rest,
      academy: snapshot.academy,
      title: snapshot.title,
      status: snapshot.status,
      ...(snapshot.closesOn ? { closesOn: snapshot.closesOn } : {}),
      ...(closedOn ? { closedOn } : {}),
      trainers: snapshot.trainers.map(({ userId, name }) => ({ userId, name })),
    };
  };

export const withParticipant =
  (participant: Omit<RosterParticipant, 'status'>) =>
  (roster: CourseRoster): CourseRoster => ({
    ...roster,
    participants: [
      ...roster.participants.filter((p) => p.userId !== participant.userId),
      { ...participant, status: 'enrolled' },
    ],
  });

/** L1: a withdrawn teacher leaves no trace in the replica. */
export const withoutParticipant =
  (userId: string) =>
  (roster: CourseRoster): CourseRoster => ({
    ...roster,
    participants: roster.participants.filter((p) => p.userId !== userId),
  });

/** Erasure: the person is neither trainer nor participant any more. */
export const withoutPerson =
  (userId: string) =>
  (roster: CourseRoster): CourseRoster => ({
    ...roster,
    trainers: roster.trainers.filter((t) => t.userId !== userId),
    participants: roster.participants.filter((p) => p.userId !== userId),
  });

export const withCompletion =
  (userId: string, completed: boolean) =>
  (roster: CourseRoster): CourseRoster => ({
    ...roster,
    participants: roster.participants.map((p) =>
      p.userId === userId ? { ...p, status: completed ? 'completed' : 'enrolled' } : p,
    ),
  });
