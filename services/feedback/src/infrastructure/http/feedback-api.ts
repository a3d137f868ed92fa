import { z } from 'zod';
import { Problem, ServiceApi } from '@relais/platform';
import { authenticate, callerOf, type TokenVerifier } from '@relais/auth';
import { maxMessageLength } from '../../domain/message';
import { CourseNotFound, RecipientNotInCourse } from '../../application/errors';
import type { MessagingUseCases } from '../../application/messaging-use-cases';

const courseIdParams = z.strictObject({ id: z.uuid('a course id is a UUID') });
const newMessage = z.strictObject({
  toUserId: z.string().min(1).max(64),
  message: z
    .string()
    .trim()
    .min(1, 'a message must not be empty')
    .max(maxMessageLength, `a message is at most ${maxMessageLength} characters`),
});
const messageView = z.object({
  id: z.string(),
  courseId: z.string(),
  from: z.object({ userId: z.string(), name: z.string() }),
  to: z.object({ userId: z.string(), name: z.string() }),
  message: z.string(),
  sentOn: z.string(),
});

function toProblem(error: unknown): unknown {
  if (error instanceof CourseNotFound)
    return new Problem({ status: 404, code: 'COURSE_NOT_FOUND', detail: error.message });
  if (error instanceof RecipientNotInCourse) {
    return new Problem({ status: 422, code: 'RECIPIENT_NOT_IN_COURSE', detail: error.message });
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

const viewOf = (m: {
  id: string;
  courseId: string;
  fromUserId: string;
  fromName: string;
  toUserId: string;
  toName: string;
  text: string;
  sentOn: string;
}) => ({
  id: m.id,
  courseId: m.courseId,
  from: { userId: m.fromUserId, name: m.fromName },
  to: { userId: m.toUserId, name: m.toName },
  message: m.text,
  sentOn: m.sentOn,
});

export function feedbackApi(messaging: MessagingUseCases, verifier: TokenVerifier): ServiceApi {
  const api = new ServiceApi({ service: 'feedback', title: 'Relais feedback', version: '1.0.0' });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'post',
    path: '/courses/:id/messages',
    operationId: 'sendMessage',
    summary: 'Write 1:1 to a trainer or a colleague of the same course (members).',
    tags: ['messages'],
    middleware: [signedIn],
    request: { params: courseIdParams, body: newMessage },
    responses: {
      201: { description: 'Sent.', schema: messageView },
      404: { description: 'Not a course of yours.' },
      422: { description: 'The recipient is not a member of this course.' },
    },
    handler: async ({ params, body, req }) => {
      const caller = callerOf(req);
      const sent = await orProblem(
        messaging.send({ id: caller.id, name: caller.name }, params.id, body.toUserId, body.message),
      );
      return { status: 201, body: viewOf(sent) };
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
    handler: async ({ req }) => ({ status: 200, body: (await messaging.mine(callerOf(req).id)).map(viewOf) }),
  });

  return api;
}
