import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import {
  emptyDraft,
  errorsOfCourseRefusal,
  parseHours,
  validateCourse,
  type CourseDraft,
} from './course-rules';

const ALICE = '1f08d417-05d4-54eb-adc8-26d5d4f1bbd8';
const valid: CourseDraft = {
  ...emptyDraft,
  title: '  Lire à voix haute  ',
  themes: 'lecture, oral',
  predictedHours: '7,5',
  trainerIds: `${ALICE}\n`,
  districts: 'lyon-d1',
  capacity: '25',
};

describe('validateCourse', () => {
  it('turns what the manager typed into the body the enrollment service accepts', () => {
    expect(validateCourse(valid, { trainersRequired: true }).body).toEqual({
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
    expect(
      validateCourse({ ...valid, predictedHours: '7,2' }, { trainersRequired: true }).errors?.predictedHours,
    ).toMatch(/demi-heures/);
    expect(
      validateCourse({ ...valid, predictedHours: '0' }, { trainersRequired: true }).errors?.predictedHours,
    ).toMatch(/de 0,5 à 200/);
    expect(parseHours('12.5')).toBe(12.5);
    expect(parseHours('douze')).toBeUndefined();
  });

  it('names the field and the value to fix', () => {
    const errors = validateCourse(
      { ...valid, title: ' ', themes: 'Lecture', trainerIds: 'alice', districts: 'Lyon 1', capacity: '0' },
      { trainersRequired: true },
    ).errors;
    expect(errors?.title).toMatch(/Donnez un titre/);
    expect(errors?.themes).toMatch(/« Lecture »/);
    expect(errors?.trainerIds).toMatch(/La ligne 1/);
    expect(errors?.districts).toMatch(/« Lyon 1 »/);
    expect(errors?.capacity).toMatch(/nombre entier/);
  });

  it('requires a trainer when creating, not when editing (an empty list keeps the trainers)', () => {
    const noTrainer = { ...valid, trainerIds: '' };
    expect(validateCourse(noTrainer, { trainersRequired: true }).errors?.trainerIds).toMatch(
      /au moins un formateur/,
    );
    expect(validateCourse(noTrainer, { trainersRequired: false }).body?.trainerIds).toBeUndefined();
  });
});

describe('errorsOfCourseRefusal', () => {
  it('puts TRAINER_NOT_FOUND next to the trainer field with the line to check', () => {
    const refusal = new ApiError(422, 'TRAINER_NOT_FOUND', [
      { in: 'body', path: 'trainerIds.1', message: 'x' },
    ]);
    expect(errorsOfCourseRefusal(refusal)?.trainerIds).toMatch(/ligne 2/);
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
