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
  closesOn: null,
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
      closesOn: null,
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

  it('takes a planned closing day that exists, today or later (Paris), and none when empty', () => {
    const now = new Date('2027-06-10T23:30:00Z'); // already 11 June in Paris
    expect(validateCourse({ ...valid, closesOn: '11/06/2027' }, now).body?.closesOn).toBe('2027-06-11');
    expect(validateCourse({ ...valid, closesOn: '' }, now).body?.closesOn).toBeNull();
    expect(validateCourse({ ...valid, closesOn: '10/06/2027' }, now).errors?.closesOn).toMatch(/passé/);
    expect(validateCourse({ ...valid, closesOn: '30/02/2027' }, now).errors?.closesOn).toMatch(/existe/);
    expect(validateCourse({ ...valid, closesOn: '2027-06-11' }, now).errors?.closesOn).toMatch(
      /jj\/mm\/aaaa/,
    );
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

  it('sends a new closing day, and null once it is emptied', () => {
    const planned = { ...course, closesOn: '2099-06-30' };
    expect(draftOf(planned).closesOn).toBe('30/06/2099');
    const moved = validateCourse({ ...draftOf(planned), closesOn: '15/07/2099' }).body;
    expect(moved && changesOf(moved, planned)).toEqual({ closesOn: '2099-07-15' });
    const cleared = validateCourse({ ...draftOf(planned), closesOn: '' }).body;
    expect(cleared && changesOf(cleared, planned)).toEqual({ closesOn: null });
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

  it('puts a refused closing day next to its field', () => {
    const refusal = new ApiError(422, 'CLOSING_DAY_PASSED', [{ in: 'body', path: 'closesOn', message: 'x' }]);
    expect(errorsOfCourseRefusal(refusal)?.closesOn).toMatch(/passé/);
  });

  it('maps a schema refusal to its field and leaves other refusals to the form alert', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', [{ in: 'body', path: 'themes.0', message: 'x' }]);
    expect(Object.keys(errorsOfCourseRefusal(refusal) ?? {})).toEqual(['themes']);
    expect(errorsOfCourseRefusal(new ApiError(403, 'OTHER_ACADEMY'))).toBeUndefined();
  });
});
