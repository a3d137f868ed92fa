import { z } from 'zod';
import type { Request } from 'express';
import {
  ServiceApi,
  correlationIdOf,
  declareMyDataRoute,
  exportPersonalData,
  personalDataExportSchema,
} from '@relais/platform';
import { authenticate, callerOf, requireRole, type TokenVerifier } from '@relais/auth';
import type { RequestContext } from '../../application/actor';
import type { FeedbackUseCases } from '../../application/feedback-use-cases';
import type { MessagingUseCases } from '../../application/messaging-use-cases';
import {
  anonymousAuthorshipPersonalData,
  anonymousAuthorshipRoute,
  feedbackPersonalData,
} from '../../application/personal-data';
import type { PersonalDataUseCases } from '../../application/personal-data-use-cases';
import {
  feedbackCategories,
  maxFeedbackMessageLength,
  maxIntensity,
  minIntensity,
} from '../../domain/feedback-item';
import { toProblem } from './problems';
import {
  courseFeedbackView,
  courseIdParams,
  feedbackIdParams,
  feedbackOptionsView,
  feedbackPolicyView,
  itemView,
  messageView,
  newFeedbackBody,
  newMessageBody,
  ownItemView,
  replyBody,
  statusBody,
} from './schemas';
import { itemViewOf, messageViewOf } from './views';

const problem = (description: string) => ({ description });

function contextOf(req: Request): RequestContext {
  const caller = callerOf(req);
  return { actor: { id: caller.id, name: caller.name }, correlationId: correlationIdOf(req) };
}

export function feedbackApi(
  feedback: FeedbackUseCases,
  messaging: MessagingUseCases,
  personalData: PersonalDataUseCases,
  verifier: TokenVerifier,
  anonymityThreshold: number,
): ServiceApi {
  const api = new ServiceApi({ service: 'feedback', title: 'Relais feedback', version: '1.0.0', toProblem });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'get',
    path: '/policy',
    operationId: 'feedbackPolicy',
    summary: 'The rules an item must follow, for a form to show them before anyone writes.',
    tags: ['feedback'],
    middleware: [signedIn],
    responses: { 200: { description: 'The same for everyone.', schema: feedbackPolicyView } },
    handler: async () => ({
      status: 200,
      body: {
        anonymityThreshold,
        messageMaxLength: maxFeedbackMessageLength,
        categories: [...feedbackCategories],
        intensity: { min: minIntensity, max: maxIntensity },
      },
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id/feedback-options',
    operationId: 'courseFeedbackOptions',
    summary: 'Whether an anonymous item would be accepted in this course now (members).',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('teacher', 'trainer')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'For this course, now.', schema: feedbackOptionsView },
      403: problem('Only teachers and trainers take part in courses.'),
      404: problem('Not a course of yours.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await feedback.feedbackOptions(contextOf(req).actor, params.id),
    }),
  });

  api.route({
    method: 'post',
    path: '/courses/:id/feedback',
    operationId: 'postFeedback',
    summary: 'Tell the trainers of your course what is hard (participants), named or anonymously.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: courseIdParams, body: newFeedbackBody },
    responses: {
      201: { description: 'Posted.', schema: itemView },
      400: problem('Unknown category, intensity outside 1–5, blank or over-long message.'),
      403: problem('Only teachers post feedback.'),
      404: problem('Not a course you take part in.'),
      409: problem(
        '`ANONYMITY_THRESHOLD`: anonymous, in a course of fewer participants than the threshold of ' +
          '`GET /policy` (trainers not counted); the item may be sent named.',
      ),
      429: problem('Too many items today in this course; see Retry-After.'),
    },
    handler: async ({ params, body, req }) => {
      const item = await feedback.post(contextOf(req), params.id, body);
      return {
        status: 201,
        body: itemViewOf(item, 'author'),
        headers: { Location: `feedback/${item.id}` },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/courses/:id/feedback',
    operationId: 'courseFeedback',
    summary: 'The feedback of a course you train, with replies, statuses and the number still open.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: courseIdParams },
    responses: {
      200: {
        description: 'Newest day first; within a day in no meaningful order.',
        schema: courseFeedbackView,
      },
      403: problem('Only trainers read a course’s feedback.'),
      404: problem('Not a course you train.'),
    },
    handler: async ({ params, req }) => {
      const view = await feedback.courseFeedback(contextOf(req).actor, params.id);
      return {
        status: 200,
        body: {
          courseId: view.courseId,
          openItems: view.counts.open,
          counts: view.counts,
          items: view.items.map(({ item, fromFormerParticipant }) =>
            itemViewOf(item, 'trainer', fromFormerParticipant),
          ),
        },
      };
    },
  });

  api.route({
    method: 'post',
    path: '/feedback/:fid/replies',
    operationId: 'replyToFeedback',
    summary: 'Reply to an item (a trainer of its course, or its author). A trainer’s reply acknowledges it.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('trainer', 'teacher')],
    request: { params: feedbackIdParams, body: replyBody },
    responses: {
      201: { description: 'The item with the reply, as you see it.', schema: itemView },
      400: problem('Blank or over-long message.'),
      403: problem('Only trainers and teachers reply.'),
      404: problem('Not an item of a course you train, nor one you wrote.'),
      409: problem('`CONCURRENT_UPDATE`: the item changed several times while saving; try again.'),
      429: problem('Too many replies today in this course; see Retry-After.'),
    },
    handler: async ({ params, body, req }) => {
      const { stored, role } = await feedback.reply(contextOf(req), params.fid, body.message);
      return { status: 201, body: itemViewOf(stored.item, role) };
    },
  });

  api.route({
    method: 'patch',
    path: '/feedback/:fid',
    operationId: 'setFeedbackStatus',
    summary:
      'Move an item open → acknowledged → addressed (trainers of its course); its author may reopen an addressed item.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('trainer', 'teacher')],
    request: { params: feedbackIdParams, body: statusBody },
    responses: {
      200: { description: 'The item, as you see it.', schema: itemView },
      400: problem('Unknown status.'),
      403: problem('Not a trainer or teacher; or an author asking for more than a reopen.'),
      404: problem('Not an item of a course you train, nor one you wrote.'),
      409: problem(
        '`INVALID_STATUS_TRANSITION`: a transition that makes no sense (see ADR 0009); or ' +
          '`CONCURRENT_UPDATE`: the item changed several times while saving, try again.',
      ),
    },
    handler: async ({ params, body, req }) => {
      const { stored, role } = await feedback.setStatus(contextOf(req), params.fid, body.status);
      return { status: 200, body: itemViewOf(stored.item, role) };
    },
  });

  api.route({
    method: 'delete',
    path: '/feedback/:fid',
    operationId: 'withdrawFeedback',
    summary: 'Withdraw an item you wrote: it leaves the trainers’ view and its text is deleted.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: feedbackIdParams },
    responses: {
      204: { description: 'Withdrawn.' },
      403: problem('Only teachers write, and so withdraw, feedback.'),
      404: problem('Not an item you wrote.'),
      409: problem('`CONCURRENT_UPDATE`: the item changed several times while saving; try again.'),
    },
    handler: async ({ params, req, res }) => {
      await feedback.withdraw(contextOf(req), params.fid);
      res.status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/me/feedback',
    operationId: 'myFeedback',
    summary: 'Your own items, with their replies and statuses.',
    tags: ['feedback'],
    middleware: [signedIn, requireRole('teacher')],
    responses: {
      200: { description: 'Newest day first.', schema: z.array(ownItemView) },
      403: problem('Only teachers write feedback.'),
    },
    handler: async ({ req }) => {
      const own = await feedback.mine(contextOf(req).actor);
      return {
        status: 200,
        body: own.map(({ item, courseTitle }) => ({ ...itemViewOf(item, 'author'), courseTitle })),
      };
    },
  });

  api.route({
    method: 'post',
    path: '/courses/:id/messages',
    operationId: 'sendMessage',
    summary: 'Write 1:1 to a trainer or a colleague of the same course (members).',
    tags: ['messages'],
    middleware: [signedIn, requireRole('teacher', 'trainer')],
    request: { params: courseIdParams, body: newMessageBody },
    responses: {
      201: { description: 'Sent.', schema: messageView },
      400: problem('Blank or over-long message.'),
      403: problem('Only teachers and trainers take part in courses.'),
      404: problem('Not a course of yours.'),
      422: problem('`RECIPIENT_NOT_IN_COURSE`: the recipient is not another member of this course.'),
      429: problem('Too many messages today in this course; see Retry-After.'),
    },
    handler: async ({ params, body, req }) => {
      const sent = await messaging.send(contextOf(req), params.id, body.toUserId, body.message);
      return { status: 201, body: messageViewOf(sent) };
    },
  });

  api.route({
    method: 'get',
    path: '/me/messages',
    operationId: 'myMessages',
    summary: 'Messages to and from you.',
    tags: ['messages'],
    middleware: [signedIn],
    responses: { 200: { description: 'Newest first.', schema: z.array(messageView) } },
    handler: async ({ req }) => ({
      status: 200,
      body: (await messaging.mine(callerOf(req).id)).map(messageViewOf),
    }),
  });

  // Every role may ask what is held about itself; the caller is the only person looked up.
  declareMyDataRoute(api, {
    middleware: [signedIn],
    declaration: feedbackPersonalData,
    collect: async (req) => personalData.heldAbout(contextOf(req).actor),
  });

  // No capability travels in the request: the author's capability is his signed-in identity, from
  // which the service recomputes the keyed token of each item (ADR 0009), as when he withdraws one.
  // So there is nothing to put in a URL or a log line, nothing another person could present, and no
  // answer that says whether some token exists: a caller who wrote nothing gets empty lists.
  api.route({
    method: 'get',
    path: anonymousAuthorshipRoute,
    operationId: 'myAnonymousAuthorshipData',
    summary:
      'What only your own request ties to you: your anonymous items, the courses you wrote in, and today’s count of your writes.',
    description:
      'Right of access and portability (GDPR articles 15 and 20) for what no stored field links to you. ' +
      'The service recognises these records only by recomputing, for you, the keyed author token it ' +
      'recognises you by when you withdraw an item (ADR 0009); `GET /me/data` lists these kinds empty.',
    tags: ['personal data'],
    middleware: [signedIn],
    responses: {
      200: { description: 'Yours, recognised by your own token.', schema: personalDataExportSchema },
      401: problem('No valid token.'),
    },
    handler: async ({ req }) => ({
      status: 200,
      body: exportPersonalData(
        anonymousAuthorshipPersonalData,
        await personalData.anonymousAuthorshipOf(contextOf(req).actor),
      ),
    }),
  });

  return api;
}
