import { z } from 'zod';
import { academy } from '@relais/contracts';
import { NOT_BLANK } from '@relais/platform';
import { ATTESTATION_CODE } from '../../application/attestation-codes';

/*
 * Every rule the server applies to a request is stated here, so the OpenAPI document generated from
 * these schemas tells clients (and property-based testers) exactly which requests are accepted.
 */

/** Free text that must say something; stored without its surrounding spaces. */
const text = (field: string, maxLength: number) =>
  z
    .string()
    .regex(NOT_BLANK, `${field} must not be blank`)
    .max(maxLength, `${field} is at most ${maxLength} characters`)
    .trim();

/**
 * Any UUID as JSON Schema's `uuid` format has it (zod's `uuid()` also demands an RFC version and
 * variant, which a client reading the document cannot know): ids that name nothing answer 404 or 422.
 */
const uuid = (message: string) => z.guid(message).meta({ format: 'uuid' });

/** Identity-provider subjects (Keycloak user ids) are UUIDs. */
const personId = (field: string) => uuid(`${field} is a user id (a UUID)`);

const theme = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,59}$/,
    'a theme is a slug: lower-case letters, digits and hyphens, such as reading',
  );
const district = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'a district is a slug such as lyon-d1');

/** Half hours, as course durations are announced; 5e-324 hours is not a duration. */
const predictedHours = z
  .number()
  .min(0.5, 'predictedHours is at least 0.5')
  .max(200, 'predictedHours is at most 200')
  .multipleOf(0.5, 'predictedHours counts in half hours (9, 7.5…)')
  .meta({ multipleOf: 0.5 });

const capacity = z
  .number()
  .int('capacity is a whole number of seats')
  .min(1, 'capacity is at least 1 seat')
  .max(10_000, 'capacity is at most 10000 seats');

/** A real calendar day (2027-02-30 is refused); not before today, which the use case checks. */
const closesOn = z.iso
  .date('closesOn is a day YYYY-MM-DD that exists, such as 2027-06-30')
  .describe('the planned closing day, YYYY-MM-DD (Paris); today or later');

const themes = z.array(theme).min(1, 'give at least one theme').max(10, 'give at most 10 themes');
const trainerIds = z
  .array(personId('each trainerId'))
  .min(1, 'a course needs at least one trainer')
  .max(20, 'a course has at most 20 trainers');
const districts = z.array(district).max(50, 'give at most 50 districts');

const courseId = uuid('a course id is a UUID');

export const courseIdParams = z.strictObject({ id: courseId });
export const completionParams = z.strictObject({
  id: courseId,
  teacherId: personId('teacherId'),
});

export const newCourseBody = z.strictObject({
  title: text('title', 200),
  description: text('description', 5_000).optional(),
  academy,
  themes,
  predictedHours,
  trainerIds,
  districts: districts.optional(),
  capacity: capacity.optional(),
  closesOn: closesOn.optional(),
});

export const completionBody = z.strictObject({ completed: z.boolean() });

export const catalogueEntry = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  academy: z.string(),
  themes: z.array(z.string()),
  predictedHours: z.number(),
  trainers: z.array(
    z.object({
      name: z.string(),
      userId: z
        .uuid()
        .optional()
        .describe("only for the training managers of the course's academy, who assign trainers"),
    }),
  ),
  districts: z.array(z.string()).describe('districts the course targets'),
  capacity: z.number().int().nullable().describe('seats in all; null when unlimited'),
  status: z.enum(['open', 'closed']),
  closesOn: z.string().nullable().describe('the planned closing day, YYYY-MM-DD; null when none is planned'),
  seatsLeft: z.number().int().nullable(),
  myRole: z
    .enum(['trainer', 'participant'])
    .nullable()
    .describe(
      "the caller's place in the course: a trainer of it, a participant (enrolled or completed), or null",
    ),
});

/** Trainers a training manager may assign: his academy's. */
export const assignableTrainer = z.object({ userId: z.uuid(), name: z.string() });

/** L9: what the trainer ticked, per participant; nothing else. */
export const participantCompletion = z.object({ userId: z.string(), completed: z.boolean() });

export const enrollmentView = z.object({
  courseId: z.uuid(),
  title: z.string(),
  status: z.enum(['enrolled', 'completed']),
  creditedHours: z.number(),
  withdrawn: z
    .boolean()
    .describe('true once he withdrew after completion: no longer a participant, his hours stay credited'),
});

export const myEnrollments = z.object({
  enrollments: z.array(enrollmentView),
  totalCreditedHours: z.number(),
});

export const courseUpdateBody = z
  .strictObject({
    title: text('title', 200).optional(),
    description: text('description', 5_000).optional(),
    themes: themes.optional(),
    predictedHours: predictedHours.optional(),
    trainerIds: trainerIds.optional(),
    districts: districts.optional(),
    capacity: capacity.nullable().optional(),
    closesOn: closesOn.nullable().optional().describe('the planned closing day; null clears it'),
    status: z.enum(['open', 'closed']).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
  .meta({ minProperties: 1 });

export const participantView = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['participant', 'trainer']),
  school: z.string().optional(),
});

export const districtParams = z.strictObject({ district });

/** Exactly what L10 lets an inspector see; the response schema drops anything else. */
export const districtOverview = z.object({
  district: z.string(),
  courses: z.array(
    z.object({
      courseId: z.string(),
      title: z.string(),
      trainers: z.array(z.string()),
      teachers: z.array(
        z.object({
          name: z.string(),
          school: z.string().optional(),
          status: z.enum(['enrolled', 'completed']),
          creditedHours: z.number().optional(),
        }),
      ),
    }),
  ),
});

export const attestationParams = z.strictObject({ courseId });

/** Its form only: 2019-2021 names no school year, so nothing was completed in it (404), as JSON Schema can say. */
export const schoolYearParams = z.strictObject({
  schoolYear: z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'a school year is written with its two years, such as 2026-2027'),
});

export const verificationParams = z.strictObject({
  code: z
    .string()
    .regex(
      ATTESTATION_CODE,
      'a verification code is four groups of four capital letters or digits, such as 7K3M-Q9XD-2HNB-W4PT',
    ),
});

/** Exactly what the printed attestation states; the verification page shows this and nothing more. */
export const attestationContent = z.object({
  code: z.string(),
  teacherName: z.string(),
  courseTitle: z.string(),
  academy: z.string(),
  creditedHours: z.number(),
  completedOn: z.string().describe('the day the completion was recorded, YYYY-MM-DD (Paris)'),
  trainerNames: z.array(z.string()),
});

export const myAttestations = z.object({
  attestations: z.array(
    attestationContent.extend({
      courseId: z.uuid(),
      schoolYear: z.string().describe('1 September to 31 August, e.g. 2026-2027'),
    }),
  ),
  schoolYears: z.array(
    z.object({
      schoolYear: z.string(),
      courses: z.number().int(),
      totalCreditedHours: z.number(),
    }),
  ),
});

/**
 * An erasure request (ADR 0033). The reason is kept in the audit record for three years: it says why
 * (a departure, a request under article 17), never whom, so it may not repeat the person's id.
 */
export const erasureRequestBody = z
  .strictObject({
    personId: personId('personId'),
    reason: text('reason', 500).pipe(z.string().min(10, 'reason is at least 10 characters')),
  })
  .refine((body) => !body.reason.toLowerCase().includes(body.personId.toLowerCase()), {
    path: ['reason'],
    message: 'reason must say why, not whom: remove the person’s id from it',
  });

export const erasureRequestView = z.object({
  erasureId: z.string(),
  requestedAt: z.iso.datetime(),
  source: z.enum(['administrator', 'identity-provider']),
  reason: z.string(),
  requestedByMe: z.boolean(),
  status: z.enum(['pending', 'done']).describe('done once every service forgot him and his key is destroyed'),
  servicesDone: z.array(z.string()),
  servicesPending: z.array(z.string()),
});

export const erasureRequestList = z.object({ erasures: z.array(erasureRequestView) });
