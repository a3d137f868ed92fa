import {
  anonymiseTrainingRecord,
  attestationWithCode,
  dateClosingFoundLate,
  enroll,
  setCompletion,
  trainingRecordExpired,
  updateCourse,
  withdraw,
  type Course,
} from '../../src/domain/course';
import { CourseMother } from '../mothers/course-mother';

const cutoff = '2020-12-07';
const today = '2026-12-07';
const stays = { userId: 'teacher-stays', name: 'Camille Durand', school: '0690001A', district: 'lyon-d7' };
const leaves = { userId: 'teacher-leaves', name: 'Dominique Roy', school: '0690002B', district: 'lyon-d8' };
const enrolledOnly = { userId: 'teacher-enrolled', name: 'Julien Petit' };

/**
 * A course closed on `closedOn` with one completion, one who left after his, and one only enrolled.
 * Their districts are not those the course targets, so that none of their values is the course's own.
 */
function closedCourse(closedOn: string): Course {
  let course = CourseMother.open({ title: 'Lire au CP', capacity: 20 });
  for (const teacher of [stays, leaves, enrolledOnly]) course = enroll(course, teacher).course;
  course = setCompletion(course, stays.userId, true, {
    code: 'AAAA-AAAA-AAAA-AAAA',
    completedOn: '2020-06-01',
  }).course;
  course = setCompletion(course, leaves.userId, true, {
    code: 'BBBB-BBBB-BBBB-BBBB',
    completedOn: '2020-06-01',
  }).course;
  course = withdraw(course, leaves.userId).course;
  return updateCourse(course, { status: 'closed' }, closedOn).course;
}

describe('the training record of a course, kept from its closing day then anonymised (ADR 0032)', () => {
  it('is past its retention when the course closed the day before the cutoff, not on the cutoff day', () => {
    expect(trainingRecordExpired(closedCourse('2020-12-06'), cutoff)).toBe(true);
    expect(trainingRecordExpired(closedCourse(cutoff), cutoff)).toBe(false);
    expect(anonymiseTrainingRecord(closedCourse(cutoff), cutoff, today)).toBeUndefined();
  });

  it('forgets every person of the course, and keeps what names no one', () => {
    const course = closedCourse('2020-12-06');

    const anonymised = anonymiseTrainingRecord(course, cutoff, today);

    expect(anonymised?.course).toEqual({
      ...course,
      trainers: [],
      participants: [],
      formerParticipants: [],
      recordAnonymisedOn: today,
    });
    expect(anonymised?.forgotten).toEqual({ enrollments: 3, attestations: 2, trainerMemberships: 1 });
    const kept = JSON.stringify(anonymised?.course);
    for (const held of [stays, leaves, enrolledOnly].flatMap((teacher) => Object.values(teacher))) {
      expect(kept).not.toContain(held);
    }
    expect(kept).not.toContain('Alice Martin');
  });

  it('leaves no attestation to verify: its code names nothing afterwards', () => {
    const course = closedCourse('2020-12-06');
    expect(attestationWithCode(course, 'AAAA-AAAA-AAAA-AAAA')).toBeDefined();

    const anonymised = anonymiseTrainingRecord(course, cutoff, today)?.course ?? course;

    expect(attestationWithCode(anonymised, 'AAAA-AAAA-AAAA-AAAA')).toBeUndefined();
    expect(attestationWithCode(anonymised, 'BBBB-BBBB-BBBB-BBBB')).toBeUndefined();
  });

  it('is anonymised once: a second decision finds nothing to do', () => {
    const once = anonymiseTrainingRecord(closedCourse('2020-12-06'), cutoff, today)?.course;

    expect(once && anonymiseTrainingRecord(once, cutoff, '2026-12-08')).toBeUndefined();
  });

  it('is never anonymised while the course is open, nor without a closing day', () => {
    const open = CourseMother.open({ closedOn: '2019-01-01' });
    const undated = CourseMother.open({ status: 'closed' });

    expect(anonymiseTrainingRecord(open, cutoff, today)).toBeUndefined();
    expect(anonymiseTrainingRecord(undated, cutoff, today)).toBeUndefined();
  });
});

describe('a course closed before courses recorded their closing day', () => {
  it('is dated the day the retention job first sees it closed, once', () => {
    const undated = CourseMother.open({ status: 'closed' });

    const dated = dateClosingFoundLate(undated, today);

    expect(dated).toEqual({ ...undated, closedOn: today });
    expect(dated && dateClosingFoundLate(dated, '2026-12-08')).toBeUndefined();
  });

  it('is not dated while open', () => {
    expect(dateClosingFoundLate(CourseMother.open(), today)).toBeUndefined();
  });
});
