import { z } from 'zod';
import { academy, theme } from '@relais/contracts';

export const courseIdParams = z.strictObject({ id: z.uuid('a course id is a UUID') });
export const completionParams = z.strictObject({
  id: z.uuid('a course id is a UUID'),
  teacherId: z.string().min(1).max(64),
});

export const newCourseBody = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  description: z.string().max(5_000).default(''),
  academy,
  themes: z.array(theme).min(1, 'give at least one theme').max(10),
  predictedHours: z
    .number()
    .positive('predictedHours must be above 0')
    .max(200, 'predictedHours is at most 200'),
  trainerIds: z.array(z.string().min(1).max(64)).min(1, 'a course needs at least one trainer').max(20),
  districts: z.array(z.string().min(1).max(40)).max(50).optional(),
  capacity: z.number().int().positive().max(10_000).optional(),
});

export const completionBody = z.strictObject({ completed: z.boolean() });

export const catalogueEntry = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  academy: z.string(),
  themes: z.array(z.string()),
  predictedHours: z.number(),
  trainers: z.array(z.object({ name: z.string() })),
  status: z.enum(['open', 'closed']),
  seatsLeft: z.number().int().nullable(),
});

export const enrollmentView = z.object({
  courseId: z.uuid(),
  title: z.string(),
  status: z.enum(['enrolled', 'completed']),
  creditedHours: z.number(),
});

export const myEnrollments = z.object({
  enrollments: z.array(enrollmentView),
  totalCreditedHours: z.number(),
});

export const courseUpdateBody = z
  .strictObject({
    title: z.string().trim().min(1, 'title must not be empty').max(200).optional(),
    description: z.string().max(5_000).optional(),
    themes: z.array(theme).min(1, 'give at least one theme').max(10).optional(),
    predictedHours: z
      .number()
      .positive('predictedHours must be above 0')
      .max(200, 'predictedHours is at most 200')
      .optional(),
    trainerIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'a course needs at least one trainer')
      .max(20)
      .optional(),
    districts: z.array(z.string().min(1).max(40)).max(50).optional(),
    capacity: z.number().int().positive().max(10_000).nullable().optional(),
    status: z.enum(['open', 'closed']).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field to change');

export const participantView = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['participant', 'trainer']),
  school: z.string().optional(),
});

export const districtParams = z.strictObject({ district: z.string().min(1).max(40) });

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
