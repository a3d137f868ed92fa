import { z } from 'zod';
import { Problem, ServiceApi } from '@relais/platform';
import { authenticate, callerOf, requireRole, type TokenVerifier } from '@relais/auth';
import { activityKinds, DuplicateActivityIds } from '../../domain/activity';
import { CourseNotFound } from '../../application/errors';
import type { ProgressUseCases } from '../../application/progress-use-cases';

const courseIdParams = z.strictObject({ id: z.uuid('a course id is a UUID') });

const activityInput = z.strictObject({
  id: z.string().trim().min(1, 'an activity id must not be empty').max(64),
  title: z.string().trim().min(1, 'an activity title must not be empty').max(200),
  kind: z.enum(activityKinds),
  optional: z.boolean().default(false),
});

const activityOutput = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(activityKinds),
  optional: z.boolean(),
});

function toProblem(error: unknown): unknown {
  if (error instanceof CourseNotFound)
    return new Problem({ status: 404, code: 'COURSE_NOT_FOUND', detail: error.message });
  if (error instanceof DuplicateActivityIds) {
    return new Problem({ status: 400, code: 'DUPLICATE_ACTIVITY_IDS', detail: error.message });
  }
  return error;
}

async function orProblem<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toProblem(error);
  }
}

export function progressApi(useCases: ProgressUseCases, verifier: TokenVerifier): ServiceApi {
  const api = new ServiceApi({ service: 'progress', title: 'Relais progress', version: '1.0.0' });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'get',
    path: '/courses/:id/activities',
    operationId: 'listActivities',
    summary: 'The activity list of a course (members only).',
    tags: ['activities'],
    middleware: [signedIn],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'The activities.', schema: z.array(activityOutput) },
      404: { description: 'No such course among yours.' },
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await orProblem(useCases.activitiesFor(callerOf(req).id, params.id)),
    }),
  });

  api.route({
    method: 'put',
    path: '/courses/:id/activities',
    operationId: 'replaceActivities',
    summary: 'Replace the activity list (trainers of the course).',
    tags: ['activities'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: courseIdParams, body: z.array(activityInput).max(200) },
    responses: {
      200: { description: 'The new list.', schema: z.array(activityOutput) },
      400: { description: 'Duplicate ids, empty titles or unknown fields.' },
      404: { description: 'Not a course you train.' },
    },
    handler: async ({ params, body, req }) => ({
      status: 200,
      body: await orProblem(useCases.replaceActivities(callerOf(req).id, params.id, body)),
    }),
  });

  return api;
}
