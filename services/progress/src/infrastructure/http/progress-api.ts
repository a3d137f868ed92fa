import { declareMyDataRoute, ServiceApi } from '@relais/platform';
import { authenticate, callerOf, requireRole, type TokenVerifier } from '@relais/auth';
import type { ActivityUseCases } from '../../application/activity-use-cases';
import type { CompletionUseCases } from '../../application/completion-use-cases';
import { progressPersonalData, type PersonalDataQueries } from '../../application/personal-data';
import type { ProgressQueries } from '../../application/progress-queries';
import { refusedFieldNamesOf, trackingDataCatalogue } from '../../domain/tracking-data';
import { toProblem } from './problems';
import { explainRefusedFields } from './refused-fields';
import {
  activityListInput,
  activityOutput,
  activityParams,
  completionInput,
  courseIdParams,
  participantBarsOutput,
  notRecordedOutput,
  participantProgressOutput,
} from './schemas';

export interface ProgressUseCases {
  activities: ActivityUseCases;
  completion: CompletionUseCases;
  queries: ProgressQueries;
  personalData: PersonalDataQueries;
}

const problem = (description: string) => ({ description });
const refusedInput = problem(
  'Invalid input; any undeclared field (time spent, clicks, views, last access…) is refused: such data is not recorded.',
);
const wrongRole = problem('Your role never uses this route.');

/**
 * Roles that can never be members of a course get 403 on every route; a member role that is not a
 * member of this course gets 404, so that the course's existence does not leak (docs/api.md, L4).
 */
export function progressApi(useCases: ProgressUseCases, verifier: TokenVerifier): ServiceApi {
  const api = new ServiceApi({ service: 'progress', title: 'Relais progress', version: '1.0.0', toProblem });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'get',
    path: '/courses/:id/activities',
    operationId: 'listActivities',
    summary: 'The activity list of a course (its trainers and participants).',
    tags: ['activities'],
    middleware: [signedIn, requireRole('teacher', 'trainer')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'The activities, in the trainers’ order.', schema: activityOutput.array() },
      400: refusedInput,
      403: wrongRole,
      404: problem('No such course among yours.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await useCases.activities.activitiesFor(callerOf(req).id, params.id),
    }),
  });

  api.route({
    method: 'put',
    path: '/courses/:id/activities',
    operationId: 'replaceActivities',
    summary: 'Replace the activity list (trainers of the course).',
    description:
      'Marks of activities that are no longer in the list are deleted and every bar is recomputed. ' +
      '`optional` activities are shown to participants but do not count in their bar.',
    tags: ['activities'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: courseIdParams, body: activityListInput },
    responses: {
      200: { description: 'The new list.', schema: activityOutput.array() },
      400: problem('Blank titles, malformed ids, or fields that are not part of an activity.'),
      403: wrongRole,
      404: problem('Not a course you train.'),
      422: problem('The same activity id appears twice in the list (DUPLICATE_ACTIVITY_IDS).'),
    },
    handler: async ({ params, body, req }) => ({
      status: 200,
      body: await useCases.activities.replaceActivities(callerOf(req).id, params.id, body),
    }),
  });

  api.route({
    method: 'put',
    path: '/courses/:id/activities/:activityId/completion',
    operationId: 'declareCompletion',
    summary: 'Declare one of your activities done or not done (participants, for themselves).',
    description:
      'The body is `{done}` and nothing else: this platform does not record time, clicks, views or ' +
      'access, and refuses such fields with 400 `TRACKING_DATA_REFUSED`. An activity id that is not ' +
      'in the course’s list is 404 `ACTIVITY_NOT_FOUND` (it names a resource that does not exist).',
    tags: ['progress'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: activityParams, body: completionInput },
    responses: {
      200: { description: 'Your progress bar after the change.', schema: participantProgressOutput },
      400: refusedInput,
      403: wrongRole,
      404: problem('Not a course you take part in, or no such activity in it.'),
    },
    handler: async ({ params, body, req }) => ({
      status: 200,
      body: await useCases.completion.declare(callerOf(req).id, params.id, params.activityId, body.done),
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id/progress/me',
    operationId: 'myProgress',
    summary: 'Your progress bar in a course: done / total of the counted activities (participants).',
    description: 'Indicative only (L7). Optional activities are listed but do not count in `total`.',
    tags: ['progress'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'Your bar and the activities behind it.', schema: participantProgressOutput },
      400: refusedInput,
      403: wrongRole,
      404: problem('Not a course you take part in.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await useCases.queries.progressOf(callerOf(req).id, params.id),
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id/progress',
    operationId: 'courseProgress',
    summary: 'The synthetic view: one bar per participant (trainers of the course).',
    tags: ['progress'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'One row per participant, by name.', schema: participantBarsOutput },
      400: refusedInput,
      403: wrongRole,
      404: problem('Not a course you train.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await useCases.queries.barsOf(callerOf(req).id, params.id),
    }),
  });

  api.route({
    method: 'get',
    path: '/not-recorded',
    operationId: 'notRecorded',
    summary: 'What Relais does not record (L2), kind by kind, in French (public, no sign-in).',
    description:
      'The list « Ce que Relais n’enregistre pas » shows, built from the very list by which this API ' +
      'refuses such fields with 400 `TRACKING_DATA_REFUSED`: what people are told and what is refused ' +
      'cannot differ. Public, since it is a promise made to everyone before they sign in.',
    tags: ['no tracking'],
    secured: false,
    responses: {
      200: { description: 'Every kind of data that is not recorded.', schema: notRecordedOutput },
    },
    handler: () => ({
      status: 200,
      body: {
        categories: trackingDataCatalogue.map((category) => ({
          category: category.category,
          label: category.label,
          refusedFieldNames: refusedFieldNamesOf(category),
        })),
      },
    }),
  });

  // Every role may ask what is held about itself, members of no course included (they hold nothing here).
  declareMyDataRoute(api, {
    middleware: [signedIn],
    declaration: progressPersonalData,
    collect: (req) => useCases.personalData.collect(callerOf(req).id),
  });

  api.router.use(explainRefusedFields);
  return api;
}
