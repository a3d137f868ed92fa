import type { CourseRoster, RosterParticipant } from './course-roster';

export interface CourseSnapshot {
  courseId: string;
  academy: string;
  title: string;
  status: 'open' | 'closed';
  trainers: { userId: string; name: string }[];
  closesOn?: string | undefined;
}

export const withCourse =
  (snapshot: CourseSnapshot) =>
  (roster: CourseRoster): CourseRoster => {
    const { closesOn: _previous, ...rest } = roster;
    return {
      ...rest,
      academy: snapshot.academy,
      title: snapshot.title,
      status: snapshot.status,
      ...(snapshot.closesOn ? { closesOn: snapshot.closesOn } : {}),
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

export const withCompletion =
  (userId: string, completed: boolean) =>
  (roster: CourseRoster): CourseRoster => ({
    ...roster,
    participants: roster.participants.map((p) =>
      p.userId === userId ? { ...p, status: completed ? 'completed' : 'enrolled' } : p,
    ),
  });
