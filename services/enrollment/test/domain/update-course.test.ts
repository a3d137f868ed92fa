import { enroll, setCompletion, updateCourse } from '../../src/domain/course';
import { DomainError } from '../../src/domain/domain-error';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';

const codeOf = (action: () => unknown) => {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('editing a course', () => {
  it('changes only the given fields and says so', () => {
    const course = CourseMother.open();
    const { course: edited, changes } = updateCourse(course, { title: 'New title', status: 'closed' });
    expect(edited).toEqual({ ...course, title: 'New title', status: 'closed' });
    expect(changes).toEqual([{ kind: 'course-updated' }]);
  });

  it('reports no change when nothing differs', () => {
    const course = CourseMother.open();
    expect(updateCourse(course, { title: course.title }).changes).toEqual([]);
  });

  it('removes the capacity with null, and refuses one below the participants', () => {
    const course = CourseMother.open({
      capacity: 5,
      participants: [ParticipantMother.enrolled(), ParticipantMother.enrolled()],
    });
    expect(updateCourse(course, { capacity: null }).course.capacity).toBeUndefined();
    expect(codeOf(() => updateCourse(course, { capacity: 1 }))).toBe('CAPACITY_BELOW_ENROLLED');
  });

  it('refuses a participant as trainer and an empty trainer list', () => {
    const participant = ParticipantMother.enrolled();
    const course = CourseMother.open({ participants: [participant] });
    expect(
      codeOf(() => updateCourse(course, { trainers: [{ userId: participant.userId, name: 'x' }] })),
    ).toBe('TRAINER_CANNOT_ENROLL');
    expect(codeOf(() => updateCourse(course, { trainers: [] }))).toBe('TRAINERS_REQUIRED');
  });

  it('keeps the hours credited at completion when the predicted duration changes later (L3)', () => {
    const teacher = { userId: 'teacher-1', name: 'Camille' };
    const completed = setCompletion(
      enroll(CourseMother.open({ predictedHours: 9 }), teacher).course,
      'teacher-1',
      true,
      { code: '7K3M-Q9XD-2HNB-W4PT', completedOn: '2026-11-20' },
    );
    const edited = updateCourse(completed.course, { predictedHours: 12 }).course;
    expect(edited.participants[0]?.creditedHours).toBe(9);
    const revoked = setCompletion(edited, 'teacher-1', false);
    expect(revoked.changes).toEqual([
      expect.objectContaining({ kind: 'completion-revoked', revokedHours: 9 }),
    ]);
  });
});
