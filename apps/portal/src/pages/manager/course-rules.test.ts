import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import type { Course } from '../../api/queries';
import {
  changesOf,
  draftOf,
  emptyDraft,
  errorsOfCourseRefusal,
  parseHours,
  validateCourse,
  type CourseDraft,
} from './course-rules';

const ALICE = '1f08d417-05d4-54eb-adc8-26d5d4f1bbd8';
const BRUNO = '2a08d417-05d4-54eb-adc8-26d5d4f1bbd9';
const valid: CourseDraft = {
  ...emptyDraft,
  title: '  Lire à voix haute  ',
  themes: 'lecture, oral',
  predictedHours: '7,5',
  trainerIds: [ALICE],
  districts: 'lyon-d1',
  capacity: '25',
};

const course: Course = {
  id: '3c08d417-05d4-44eb-adc8-26d5d4f1bbd0',
  title: 'Lire à voix haute',
  description: 'Lecture partagée en classe.',
  academy: 'lyon',
  themes: ['lecture', 'oral'],
  predictedHours: 7.5,
  trainers: [{ name: 'Alice Martin', userId: ALICE }],
  districts: ['lyon-d1', 'lyon-d2'],
  capacity: 25,
  status: 'open',
  seatsLeft: 20,
  myRole: null,
};

describe('validateCourse', () => {
  it('turns what the manager typed and ticked into the body the enrollment service accepts', () => {
    expect(validateCourse(valid).body).toEqual({
      title: 'Lire à voix haute',
      description: '',
      themes: ['lecture', 'oral'],
      predictedHours: 7.5,
      trainerIds: [ALICE],
      districts: ['lyon-d1'],
      capacity: 25,
    });
  });

  it('counts hours in half hours, as the OpenAPI document does', () => {
    expect(validateCourse({ ...valid, predictedHours: '7,2' }).errors?.predictedHours).toMatch(/demi-heures/);
    expect(validateCourse({ ...valid, predictedHours: '0' }).errors?.predictedHours).toMatch(/de 0,5 à 200/);
    expect(parseHours('12.5')).toBe(12.5);
    expect(parseHours('douze')).toBeUndefined();
  });

  it('names the field and the value to fix', () => {
    const errors = validateCourse({
      ...valid,
      title: ' ',
      themes: 'Lecture',
      districts: 'Lyon 1',
      capacity: '0',
    }).errors;
    expect(errors?.title).toMatch(/Donnez un titre/);
    expect(errors?.themes).toMatch(/« Lecture »/);
    expect(errors?.districts).toMatch(/« Lyon 1 »/);
    expect(errors?.capacity).toMatch(/nombre entier/);
  });

  it('requires a ticked trainer, and 20 at most', () => {
    expect(validateCourse({ ...valid, trainerIds: [] }).errors?.trainerIds).toMatch(/au moins un formateur/);
    const many = Array.from(
      { length: 21 },
      (_, index) => `${ALICE.slice(0, -2)}${String(index).padStart(2, '0')}`,
    );
    expect(validateCourse({ ...valid, trainerIds: many }).errors?.trainerIds).toMatch(
      /20 formateurs au plus/,
    );
  });

  it('reads an empty capacity as "no limit"', () => {
    expect(validateCourse({ ...valid, capacity: ' ' }).body?.capacity).toBeNull();
  });
});

describe('draftOf and changesOf', () => {
  it("prefills the form with the course's trainers, districts and capacity", () => {
    expect(draftOf(course)).toMatchObject({
      trainerIds: [ALICE],
      districts: 'lyon-d1, lyon-d2',
      capacity: '25',
      predictedHours: '7,5',
    });
    expect(draftOf({ ...course, capacity: null }).capacity).toBe('');
  });

  it('sends nothing when the prefilled form is saved untouched', () => {
    const body = validateCourse(draftOf(course)).body;
    expect(body && changesOf(body, course)).toEqual({});
  });

  it('sends only the changed trainers, districts and capacity; an emptied capacity lifts the limit', () => {
    const body = validateCourse({
      ...draftOf(course),
      trainerIds: [BRUNO],
      districts: '',
      capacity: '',
    }).body;
    expect(body && changesOf(body, course)).toEqual({ trainerIds: [BRUNO], districts: [], capacity: null });
  });

  it('keeps the trainers when only their order differs', () => {
    const twoTrainers: Course = {
      ...course,
      trainers: [
        { name: 'Alice Martin', userId: ALICE },
        { name: 'Bruno Petit', userId: BRUNO },
      ],
    };
    const body = validateCourse({ ...draftOf(twoTrainers), trainerIds: [BRUNO, ALICE] }).body;
    expect(body && changesOf(body, twoTrainers)).toEqual({});
  });
});

describe('errorsOfCourseRefusal', () => {
  it('puts TRAINER_NOT_FOUND next to the trainers', () => {
    const refusal = new ApiError(422, 'TRAINER_NOT_FOUND', [
      { in: 'body', path: 'trainerIds.1', message: 'x' },
    ]);
    expect(errorsOfCourseRefusal(refusal)?.trainerIds).toMatch(/Rechargez la page/);
  });

  it('puts CAPACITY_BELOW_ENROLLED next to the capacity', () => {
    expect(errorsOfCourseRefusal(new ApiError(409, 'CAPACITY_BELOW_ENROLLED'))?.capacity).toMatch(
      /déjà inscrits/,
    );
  });

  it('maps a schema refusal to its field and leaves other refusals to the form alert', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', [{ in: 'body', path: 'themes.0', message: 'x' }]);
    expect(Object.keys(errorsOfCourseRefusal(refusal) ?? {})).toEqual(['themes']);
    expect(errorsOfCourseRefusal(new ApiError(403, 'OTHER_ACADEMY'))).toBeUndefined();
  });
});
