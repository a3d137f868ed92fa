import {
  attestationWithCode,
  enroll,
  forgetPersonInCourse,
  setCompletion,
  updateCourse,
  withdraw,
  type Course,
} from '../../src/domain/course';
import { CourseMother } from '../mothers/course-mother';

const erased = { userId: 'teacher-erased', name: 'Dominique Roy', school: '0690002B', district: 'lyon-d8' };
const other = { userId: 'teacher-other', name: 'Camille Durand', school: '0690001A', district: 'lyon-d7' };
const alice = { userId: 'trainer-alice', name: 'Alice Martin' };
const bruno = { userId: 'trainer-bruno', name: 'Bruno Petit' };

/** Both teachers completed, with attestations printing both trainers. */
function completedBy(teachers: (typeof erased)[], trainers = [alice, bruno]): Course {
  let course = CourseMother.open({ title: 'Lire au CP', capacity: 20, trainers });
  for (const teacher of teachers) course = enroll(course, teacher).course;
  for (const [index, teacher] of teachers.entries()) {
    course = setCompletion(course, teacher.userId, true, {
      code: `CODE-${index}`,
      completedOn: '2026-06-01',
    }).course;
  }
  return course;
}

describe('forgetting one person in a course (erasure, ADR 0033)', () => {
  it('forgets a participant and his attestation, and no one else', () => {
    const course = completedBy([erased, other]);

    const outcome = forgetPersonInCourse(course, erased.userId);

    expect(outcome?.course).toEqual({ ...course, participants: [course.participants[1]] });
    expect(outcome?.forgotten).toEqual({ enrollments: 1, attestations: 1, trainerMemberships: 0 });
    expect(attestationWithCode(outcome!.course, 'CODE-0')).toBeUndefined();
    expect(attestationWithCode(outcome!.course, 'CODE-1')?.teacherName).toBe(other.name);
    const kept = JSON.stringify(outcome?.course);
    for (const value of Object.values(erased)) expect(kept).not.toContain(value);
  });

  it('forgets one who left after completion, his kept hours and attestation with him', () => {
    const course = withdraw(completedBy([erased, other]), erased.userId).course;
    expect(course.formerParticipants).toHaveLength(1);

    const outcome = forgetPersonInCourse(course, erased.userId);

    expect(outcome?.course.formerParticipants).toEqual([]);
    expect(outcome?.course.participants).toEqual(course.participants);
    expect(outcome?.forgotten).toEqual({ enrollments: 1, attestations: 1, trainerMemberships: 0 });
  });

  it('forgets an enrolled participant who has no attestation, freeing his seat', () => {
    let course = CourseMother.open({ capacity: 1 });
    course = enroll(course, erased).course;

    const outcome = forgetPersonInCourse(course, erased.userId);

    expect(outcome?.forgotten).toEqual({ enrollments: 1, attestations: 0, trainerMemberships: 0 });
    expect(enroll(outcome!.course, other).course.participants.map((p) => p.userId)).toEqual([other.userId]);
  });

  it('removes a trainer, and keeps his name on the attestations already issued to others', () => {
    const course = completedBy([other]);

    const outcome = forgetPersonInCourse(course, bruno.userId);

    expect(outcome?.course.trainers).toEqual([alice]);
    expect(outcome?.forgotten).toEqual({ enrollments: 0, attestations: 0, trainerMemberships: 1 });
    expect(attestationWithCode(outcome!.course, 'CODE-0')?.trainerNames).toEqual([alice.name, bruno.name]);
  });

  it('leaves a course with no trainer when he was its only one, as it was otherwise, until its manager assigns one', () => {
    const course = completedBy([other], [bruno]);

    const outcome = forgetPersonInCourse(course, bruno.userId);

    expect(outcome?.course).toEqual({ ...course, trainers: [] });
    const edited = updateCourse(outcome!.course, { title: 'Lire au CP (2)' }, '2026-12-07').course;
    expect(edited.title).toBe('Lire au CP (2)');
    expect(updateCourse(edited, { trainers: [alice] }, '2026-12-07').course.trainers).toEqual([alice]);
  });

  it('changes nothing in a course that does not name him', () => {
    expect(forgetPersonInCourse(completedBy([other]), erased.userId)).toBeUndefined();
  });
});
