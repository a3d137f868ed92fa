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

const today = '2026-11-28';

describe('editing a course', () => {
  it('changes only the given fields and says so', () => {
    const course = CourseMother.open();
    const { course: edited, changes } = updateCourse(course, { title: 'New title' }, today);
    expect(edited).toEqual({ ...course, title: 'New title' });
    expect(changes).toEqual([{ kind: 'course-updated' }]);
  });

  it('reports no change when nothing differs', () => {
    const course = CourseMother.open();
    expect(updateCourse(course, { title: course.title }, today).changes).toEqual([]);
  });

  it('removes the capacity with null, and refuses one below the participants', () => {
    const course = CourseMother.open({
      capacity: 5,
      participants: [ParticipantMother.enrolled(), ParticipantMother.enrolled()],
    });
    expect(updateCourse(course, { capacity: null }, today).course.capacity).toBeUndefined();
    expect(codeOf(() => updateCourse(course, { capacity: 1 }, today))).toBe('CAPACITY_BELOW_ENROLLED');
  });

  it('refuses a participant as trainer and an empty trainer list', () => {
    const participant = ParticipantMother.enrolled();
    const course = CourseMother.open({ participants: [participant] });
    expect(
      codeOf(() => updateCourse(course, { trainers: [{ userId: participant.userId, name: 'x' }] }, today)),
    ).toBe('TRAINER_CANNOT_ENROLL');
    expect(codeOf(() => updateCourse(course, { trainers: [] }, today))).toBe('TRAINERS_REQUIRED');
  });

  it('keeps the hours credited at completion when the predicted duration changes later (L3)', () => {
    const teacher = { userId: 'teacher-1', name: 'Camille' };
    const completed = setCompletion(
      enroll(CourseMother.open({ predictedHours: 9 }), teacher).course,
      'teacher-1',
      true,
      { code: '7K3M-Q9XD-2HNB-W4PT', completedOn: '2026-11-20' },
    );
    const edited = updateCourse(completed.course, { predictedHours: 12 }, today).course;
    expect(edited.participants[0]?.creditedHours).toBe(9);
    const revoked = setCompletion(edited, 'teacher-1', false);
    expect(revoked.changes).toEqual([
      expect.objectContaining({ kind: 'completion-revoked', revokedHours: 9 }),
    ]);
  });
});

describe('closing a course records the day, from which its training record is kept (ADR 0032)', () => {
  it('records the day it was closed, and says the course changed', () => {
    const course = CourseMother.open();
    const { course: closed, changes } = updateCourse(course, { status: 'closed' }, today);
    expect(closed).toEqual({ ...course, status: 'closed', closedOn: today });
    expect(changes).toEqual([{ kind: 'course-updated' }]);
  });

  it('keeps the first closing day when a closed course is closed again or edited', () => {
    const closed = updateCourse(CourseMother.open(), { status: 'closed' }, today).course;
    const again = updateCourse(closed, { status: 'closed', title: 'Renamed' }, '2027-03-01');
    expect(again.course.closedOn).toBe(today);
    expect(updateCourse(closed, { status: 'closed' }, '2027-03-01').changes).toEqual([]);
  });

  it('forgets the day, and an anonymisation of the former record, when the course is reopened', () => {
    const anonymised = CourseMother.open({
      status: 'closed',
      closedOn: '2020-06-30',
      recordAnonymisedOn: '2026-07-01',
      trainers: [],
    });
    const reopened = updateCourse(anonymised, { status: 'open' }, today).course;
    expect(reopened.status).toBe('open');
    expect(reopened).not.toHaveProperty('closedOn');
    expect(reopened).not.toHaveProperty('recordAnonymisedOn');
    const closedAgain = updateCourse(reopened, { status: 'closed' }, '2027-01-15').course;
    expect(closedAgain.closedOn).toBe('2027-01-15');
  });

  it('leaves a course closed before the day was recorded without one: the retention job dates it', () => {
    const legacy = CourseMother.open({ status: 'closed' });
    expect(updateCourse(legacy, { title: 'Renamed' }, today).course).not.toHaveProperty('closedOn');
  });
});
