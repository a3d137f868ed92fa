import {
  attestationOfTeacher,
  attestationWithCode,
  enroll,
  setCompletion,
  updateCourse,
  withdraw,
  type Course,
} from '../../src/domain/course';
import { CourseMother, TrainerMother } from '../mothers/course-mother';

const teacher = { userId: 'teacher-01', name: 'Camille Durand', school: '0690001A', district: 'lyon-d1' };
const issue = { code: '7K3M-Q9XD-2HNB-W4PT', completedOn: '2026-11-20' };
const trainers = [TrainerMother.alice(), { userId: 'trainer-bruno', name: 'Bruno Petit' }];

function completedCourse(): Course {
  const course = CourseMother.open({ title: 'Lire au CP', academy: 'lyon', predictedHours: 7.5, trainers });
  return setCompletion(enroll(course, teacher).course, teacher.userId, true, issue).course;
}

describe('the attestation of a completed course (L3)', () => {
  it('states the teacher, the course, its academy, the hours credited, the day and the trainers', () => {
    expect(attestationOfTeacher(completedCourse(), teacher.userId)).toEqual({
      code: issue.code,
      teacherName: 'Camille Durand',
      courseTitle: 'Lire au CP',
      academy: 'lyon',
      creditedHours: 7.5,
      completedOn: '2026-11-20',
      trainerNames: ['Alice Martin', 'Bruno Petit'],
    });
  });

  it('is found by its code, and by nothing else', () => {
    const course = completedCourse();
    expect(attestationWithCode(course, issue.code)?.teacherName).toBe('Camille Durand');
    expect(attestationWithCode(course, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toBeUndefined();
  });

  it('does not exist before completion', () => {
    const enrolled = enroll(CourseMother.open(), teacher).course;
    expect(attestationOfTeacher(enrolled, teacher.userId)).toBeUndefined();
  });

  it('stays as issued when the course is renamed, re-timed or given other trainers afterwards', () => {
    const edited = updateCourse(
      completedCourse(),
      {
        title: 'Lire et écrire au CP',
        predictedHours: 12,
        trainers: [{ userId: 'trainer-chloe', name: 'Chloé Bernard' }],
      },
      '2026-11-28',
    ).course;
    expect(attestationOfTeacher(edited, teacher.userId)).toEqual(
      expect.objectContaining({
        courseTitle: 'Lire au CP',
        creditedHours: 7.5,
        trainerNames: ['Alice Martin', 'Bruno Petit'],
      }),
    );
  });

  it('is revoked with the completion: its code then names nothing', () => {
    const revoked = setCompletion(completedCourse(), teacher.userId, false).course;
    expect(attestationOfTeacher(revoked, teacher.userId)).toBeUndefined();
    expect(attestationWithCode(revoked, issue.code)).toBeUndefined();
    expect(revoked.participants[0]).not.toHaveProperty('attestation');
  });

  it('is issued anew, with the new code and day, when the completion is recorded again', () => {
    const revoked = setCompletion(completedCourse(), teacher.userId, false).course;
    const again = setCompletion(revoked, teacher.userId, true, {
      code: 'A1B2-C3D4-E5F6-G7H8',
      completedOn: '2027-01-15',
    }).course;
    expect(attestationWithCode(again, issue.code)).toBeUndefined();
    expect(attestationOfTeacher(again, teacher.userId)).toEqual(
      expect.objectContaining({ code: 'A1B2-C3D4-E5F6-G7H8', completedOn: '2027-01-15' }),
    );
  });

  it('outlives a withdrawal after completion, since the hours stay credited (ADR 0019)', () => {
    const left = withdraw(completedCourse(), teacher.userId).course;
    expect(attestationOfTeacher(left, teacher.userId)?.code).toBe(issue.code);
    expect(attestationWithCode(left, issue.code)?.teacherName).toBe('Camille Durand');
  });

  it('comes back unchanged when he enrolls again after leaving', () => {
    const back = enroll(withdraw(completedCourse(), teacher.userId).course, teacher).course;
    expect(attestationOfTeacher(back, teacher.userId)?.code).toBe(issue.code);
    expect(attestationWithCode(back, issue.code)?.completedOn).toBe('2026-11-20');
  });

  it('is nobody else’s: another participant of the course has none', () => {
    const course = enroll(completedCourse(), { userId: 'teacher-02', name: 'Dominique Roy' }).course;
    expect(attestationOfTeacher(course, 'teacher-02')).toBeUndefined();
  });
});
