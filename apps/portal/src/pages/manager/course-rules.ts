import { ApiError } from '../../api/errors';
import type { Course } from '../../api/queries';
import type { operations } from '../../api/generated/enrollment';
import { formatNumber } from '../../i18n/format';
import { fr } from '../../i18n/fr';

export type CourseUpdate = operations['updateCourse']['requestBody']['content']['application/json'];

/** What the manager types, as typed: nothing is lost when the service refuses it. */
export interface CourseDraft {
  title: string;
  description: string;
  themes: string;
  predictedHours: string;
  /** The user ids of the ticked trainers. */
  trainerIds: readonly string[];
  districts: string;
  capacity: string;
  /** YYYY-MM-DD as a date field gives it, or empty for none. */
  closesOn: string;
}

export type CourseField = keyof CourseDraft;
export type TextField = Exclude<CourseField, 'trainerIds'>;
export type CourseErrors = Partial<Record<CourseField, string>>;

export interface CourseBody {
  title: string;
  description: string;
  themes: string[];
  predictedHours: number;
  trainerIds: string[];
  districts: string[];
  capacity: number | null;
  closesOn: string | null;
}

export const DESCRIPTION_MAX = 5_000;
// The enrollment service's rules (services/enrollment/src/infrastructure/http/schemas.ts, published in
// its OpenAPI document), checked before sending so each sentence appears next to its field at once.
const TITLE_MAX = 200;
const SLUG = /^[a-z][a-z0-9-]{0,59}$/;
const DISTRICT = /^[a-z][a-z0-9-]{1,39}$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A day typed as people write it (30/06/2027) as the API's YYYY-MM-DD, or undefined if it does not
 * exist (30/02/2027). A text field rather than the browser's date picker, whose calendar button takes
 * the keyboard focus without showing it (Chromium).
 */
function isoDayOf(text: string): string | undefined {
  const parts = FRENCH_DAY.exec(text);
  if (!parts) return undefined;
  const [, day = '', month = '', year = ''] = parts;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** The API's YYYY-MM-DD as the form shows it: 30/06/2027. */
function frenchDayOf(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Today in Paris, as the enrollment service counts days. */
function todayInParis(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

export const emptyDraft: CourseDraft = {
  title: '',
  description: '',
  themes: '',
  predictedHours: '',
  trainerIds: [],
  districts: '',
  capacity: '',
  closesOn: '',
};

const listOf = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** French decimals: "7,5" and "7.5" are both seven and a half hours. */
export function parseHours(text: string): number | undefined {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** The body to send, or the sentence for each field to fix. */
export function validateCourse(
  draft: CourseDraft,
  now: Date = new Date(),
): { body: CourseBody; errors?: undefined } | { body?: undefined; errors: CourseErrors } {
  const errors: CourseErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = fr.manager.form.titleRequired;
  else if (title.length > TITLE_MAX) errors.title = fr.manager.form.titleTooLong;

  const description = draft.description.trim();
  if (description.length > DESCRIPTION_MAX)
    errors.description = fr.manager.form.descriptionTooLong(DESCRIPTION_MAX);

  const themes = listOf(draft.themes, /,/);
  const badTheme = themes.find((theme) => !SLUG.test(theme));
  if (themes.length === 0) errors.themes = fr.manager.form.themesRequired;
  else if (badTheme !== undefined) errors.themes = fr.manager.form.themeFormat(badTheme);
  else if (themes.length > 10) errors.themes = fr.manager.form.themesTooMany;

  const hours = parseHours(draft.predictedHours);
  if (draft.predictedHours.trim() === '') errors.predictedHours = fr.manager.form.hoursRequired;
  else if (hours === undefined) errors.predictedHours = fr.manager.form.hoursFormat;
  else if (hours < 0.5 || hours > 200) errors.predictedHours = fr.manager.form.hoursRange;
  else if (!Number.isInteger(hours * 2)) errors.predictedHours = fr.manager.form.hoursHalf;

  const trainerIds = [...new Set(draft.trainerIds)];
  if (trainerIds.length === 0) errors.trainerIds = fr.manager.form.trainersRequired;
  else if (trainerIds.length > 20) errors.trainerIds = fr.manager.form.trainersTooMany;

  const districts = listOf(draft.districts, /,/);
  const badDistrict = districts.find((district) => !DISTRICT.test(district));
  if (badDistrict !== undefined) errors.districts = fr.manager.form.districtFormat(badDistrict);
  else if (districts.length > 50) errors.districts = fr.manager.form.districtsTooMany;

  const capacityText = draft.capacity.trim();
  const capacity = capacityText === '' ? null : Number(capacityText);
  if (capacity !== null && (!/^\d+$/.test(capacityText) || capacity < 1 || capacity > 10_000))
    errors.capacity = fr.manager.form.capacityFormat;

  const closesOnText = draft.closesOn.trim();
  const closesOn = closesOnText === '' ? null : isoDayOf(closesOnText);
  if (closesOn === undefined) errors.closesOn = fr.manager.form.closesOnFormat;
  else if (closesOn !== null && closesOn < todayInParis(now)) errors.closesOn = fr.manager.form.closesOnPast;

  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      title,
      description,
      themes,
      predictedHours: hours as number,
      trainerIds,
      districts,
      capacity,
      closesOn: closesOn ?? null,
    },
  };
}

/** What a course already is, in the form's fields: the manager changes only what he means to. */
export function draftOf(course: Course): CourseDraft {
  return {
    title: course.title,
    description: course.description,
    themes: course.themes.join(', '),
    predictedHours: formatNumber(course.predictedHours),
    // A training manager of the course's academy gets every trainer's id.
    trainerIds: course.trainers.flatMap((trainer) => (trainer.userId ? [trainer.userId] : [])),
    districts: course.districts.join(', '),
    capacity: course.capacity === null ? '' : String(course.capacity),
    closesOn: course.closesOn ? frenchDayOf(course.closesOn) : '',
  };
}

const sameSet = (left: readonly string[], right: readonly string[]) =>
  new Set(left).size === new Set(right).size && left.every((item) => right.includes(item));

/** Only what changed; an emptied capacity is sent as null, which lifts the limit. */
export function changesOf(body: CourseBody, course: Course): CourseUpdate {
  const changes: CourseUpdate = {};
  if (body.title !== course.title) changes.title = body.title;
  // The service takes no empty description: clearing one is not offered.
  if (body.description !== course.description && body.description !== '')
    changes.description = body.description;
  if (body.themes.join(',') !== course.themes.join(',')) changes.themes = body.themes;
  if (body.predictedHours !== course.predictedHours) changes.predictedHours = body.predictedHours;
  const currentTrainers = course.trainers.flatMap((trainer) => (trainer.userId ? [trainer.userId] : []));
  if (!sameSet(body.trainerIds, currentTrainers)) changes.trainerIds = body.trainerIds;
  if (!sameSet(body.districts, course.districts)) changes.districts = body.districts;
  if (body.capacity !== course.capacity) changes.capacity = body.capacity;
  // An emptied closing day is sent as null, which clears it.
  if (body.closesOn !== course.closesOn) changes.closesOn = body.closesOn;
  return changes;
}

const FIELD_OF_CODE: Record<string, CourseField> = {
  TRAINERS_REQUIRED: 'trainerIds',
  TRAINER_NOT_FOUND: 'trainerIds',
  CAPACITY_BELOW_ENROLLED: 'capacity',
};

/** The service's refusal, next to the field it is about; undefined when it concerns no field. */
export function errorsOfCourseRefusal(error: unknown): CourseErrors | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'CAPACITY_BELOW_ENROLLED') return { capacity: fr.manager.form.capacityBelowEnrolled };
  const byCode = FIELD_OF_CODE[error.code];
  if (byCode) return { [byCode]: fr.errors.byCode[error.code] };
  const sentence = fr.errors.byCode[error.code] ?? fr.errors.fallback;
  const errors: CourseErrors = {};
  for (const path of error.fields()) {
    const field = path.split('.')[0] as CourseField;
    // The form checks the day's form already: what the service refuses then is a day already past.
    if (field === 'closesOn') errors.closesOn = fr.manager.form.closesOnPast;
    else if (field in emptyDraft) errors[field] = sentence;
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
