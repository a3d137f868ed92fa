import {
  creditedHours,
  enroll,
  formerParticipantOf,
  isMember,
  participantOf,
  publishCourse,
  setCompletion,
  withdraw,
} from '../../src/domain/course';
import { DomainError } from '../../src/domain/domain-error';
import { CourseMother, ParticipantMother, TrainerMother } from '../mothers/course-mother';

const teacher = { userId: 'teacher-01', name: 'Camille Durand', school: '0690001A', district: 'lyon-d1' };
const issue = { code: '7K3M-Q9XD-2HNB-W4PT', completedOn: '2026-11-20' };

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('publishing a course', () => {
  it('opens it with no participant and says it was published', () => {
    const { participants: _p, status: _s, ...input } = CourseMother.open();
    const { course, changes } = publishCourse(input, '2026-11-28');
    expect(course.status).toBe('open');
    expect(course.closedOn).toBeUndefined();
    expect(course.participants).toEqual([]);
    expect(changes).toEqual([{ kind: 'course-published' }]);
  });

  it('records the day as its closing day when it is published closed', () => {
    const { participants: _p, ...input } = CourseMother.open({ status: 'closed' });
    expect(publishCourse(input, '2026-11-28').course).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-28',
    });
  });

  it('needs at least one trainer', () => {
    const { participants: _p, status: _s, ...input } = CourseMother.open({ trainers: [] });
    expect(codeOf(() => publishCourse(input, '2026-11-28'))).toBe('TRAINERS_REQUIRED');
  });
});

describe('enrolling (L1: voluntary, self only)', () => {
  it('adds the teacher as an enrolled participant', () => {
    const { course, changes } = enroll(CourseMother.open(), teacher);
    expect(participantOf(course, 'teacher-01')).toEqual({ ...teacher, status: 'enrolled', creditedHours: 0 });
    expect(changes).toEqual([
      { kind: 'enrolled', participant: { ...teacher, status: 'enrolled', creditedHours: 0 } },
    ]);
    expect(isMember(course, 'teacher-01')).toBe(true);
  });

  it('is idempotent: enrolling twice returns the same enrollment and changes nothing', () => {
    const once = enroll(CourseMother.open(), teacher).course;
    const twice = enroll(once, teacher);
    expect(twice.changes).toEqual([]);
    expect(twice.course.participants).toHaveLength(1);
  });

  it('never exceeds capacity', () => {
    const full = CourseMother.open({ capacity: 1, participants: [ParticipantMother.enrolled()] });
    expect(codeOf(() => enroll(full, teacher))).toBe('COURSE_FULL');
  });

  it('refuses a closed course', () => {
    expect(codeOf(() => enroll(CourseMother.open({ status: 'closed' }), teacher))).toBe('COURSE_CLOSED');
  });

  it('refuses a trainer of the course', () => {
    const trainer = { userId: TrainerMother.alice().userId, name: 'Alice Martin' };
    expect(codeOf(() => enroll(CourseMother.open(), trainer))).toBe('TRAINER_CANNOT_ENROLL');
  });
});

describe('withdrawing (L1: at any time, also after completion)', () => {
  it('removes a participant who had not completed entirely', () => {
    const enrolled = enroll(CourseMother.open(), teacher).course;
    const { course, changes } = withdraw(enrolled, 'teacher-01');
    expect(participantOf(course, 'teacher-01')).toBeUndefined();
    expect(course.formerParticipants).toEqual([]);
    expect(changes).toHaveLength(1);
  });

  it('lets a withdrawn teacher enroll again', () => {
    const enrolled = enroll(CourseMother.open(), teacher).course;
    const again = enroll(withdraw(enrolled, 'teacher-01').course, teacher);
    expect(again.changes).toHaveLength(1);
    expect(participantOf(again.course, 'teacher-01')?.status).toBe('enrolled');
  });

  it('lets a completed participant leave, and keeps only his credited hours apart from the members', () => {
    const enrolled = enroll(CourseMother.open({ predictedHours: 7.5 }), teacher).course;
    const completed = setCompletion(enrolled, 'teacher-01', true, issue).course;
    const { course, changes } = withdraw(completed, 'teacher-01');
    expect(participantOf(course, 'teacher-01')).toBeUndefined();
    expect(isMember(course, 'teacher-01')).toBe(false);
    expect(formerParticipantOf(course, 'teacher-01')).toEqual({
      ...teacher,
      creditedHours: 7.5,
      attestation: expect.objectContaining({ code: issue.code, creditedHours: 7.5 }),
    });
    expect(changes.map((change) => change.kind)).toEqual(['withdrawn']);
  });

  it('frees his seat', () => {
    const full = enroll(CourseMother.open({ capacity: 1 }), teacher).course;
    const left = withdraw(setCompletion(full, 'teacher-01', true, issue).course, 'teacher-01').course;
    expect(enroll(left, { ...teacher, userId: 'teacher-02' }).changes).toHaveLength(1);
  });

  it('gives back his completion, credited once, when he enrolls again after leaving', () => {
    const enrolled = enroll(CourseMother.open({ predictedHours: 9 }), teacher).course;
    const left = withdraw(setCompletion(enrolled, 'teacher-01', true, issue).course, 'teacher-01').course;
    const { course, changes } = enroll(left, teacher);
    expect(participantOf(course, 'teacher-01')).toEqual({
      ...teacher,
      status: 'completed',
      creditedHours: 9,
      attestation: expect.objectContaining({ code: issue.code }),
    });
    expect(course.formerParticipants).toEqual([]);
    expect(changes.map((change) => change.kind)).toEqual(['enrolled']);
    expect(setCompletion(course, 'teacher-01', true, issue).changes).toEqual([]);
  });

  it('puts him out of the trainer’s reach: his completion can no longer be changed', () => {
    const enrolled = enroll(CourseMother.open(), teacher).course;
    const left = withdraw(setCompletion(enrolled, 'teacher-01', true, issue).course, 'teacher-01').course;
    expect(codeOf(() => setCompletion(left, 'teacher-01', false))).toBe('NOT_A_PARTICIPANT');
    expect(codeOf(() => setCompletion(left, 'teacher-01', true, issue))).toBe('NOT_A_PARTICIPANT');
  });
});

describe('completion (L9 binary, L3 credited hours)', () => {
  it('credits the predicted hours once, however often it is recorded', () => {
    const enrolled = enroll(CourseMother.open({ predictedHours: 12 }), teacher).course;
    const first = setCompletion(enrolled, 'teacher-01', true, issue);
    const second = setCompletion(first.course, 'teacher-01', true, issue);
    expect(first.changes.map((c) => c.kind)).toEqual(['completion-recorded']);
    expect(second.changes).toEqual([]);
    const participant = participantOf(second.course, 'teacher-01');
    expect(participant && creditedHours(participant)).toBe(12);
  });

  it('removes the credit when revoked', () => {
    const enrolled = enroll(CourseMother.open({ predictedHours: 12 }), teacher).course;
    const revoked = setCompletion(
      setCompletion(enrolled, 'teacher-01', true, issue).course,
      'teacher-01',
      false,
    );
    expect(revoked.changes.map((c) => c.kind)).toEqual(['completion-revoked']);
    const participant = participantOf(revoked.course, 'teacher-01');
    expect(participant && creditedHours(participant)).toBe(0);
  });

  it('applies only to participants', () => {
    expect(codeOf(() => setCompletion(CourseMother.open(), 'stranger', true, issue))).toBe(
      'NOT_A_PARTICIPANT',
    );
  });
});
