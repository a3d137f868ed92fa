import escapeHtml from 'escape-html';
import type { Request, Response } from 'express';
import { declareMyDataRoute, ServiceApi } from '@relais/platform';
import { authenticate, callerOf, requireRole, type TokenVerifier } from '@relais/auth';
import type { NotificationUseCases } from '../../application/notification-use-cases';
import { notificationsPersonalData, type PersonalDataCollector } from '../../application/personal-data';
import { noticeKinds, type Notice, type NoticeKind } from '../../domain/notice';
import { kindLabels, linkOf, sentenceOf } from '../../domain/wording';
import { toProblem } from './problems';
import {
  noticeIdParams,
  noticesQuery,
  noticesView,
  preferencesBody,
  preferencesView,
  unsubscribeParams,
} from './schemas';

const problem = (description: string) => ({ description });

const viewOf = (notice: Notice) => ({
  id: notice.id,
  kind: notice.kind,
  text: sentenceOf(notice),
  link: linkOf(notice),
  courseId: notice.courseId,
  createdOn: notice.createdOn,
  read: notice.read,
});

const kinds = noticeKinds.map((kind) => ({ kind, label: kindLabels[kind] }));

function sendPage(res: Response, title: string, body: string): void {
  res
    .status(200)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Relais</title></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

const addressOf = (req: Request) => callerOf(req).email;

export function notificationsApi(
  notifications: NotificationUseCases,
  personalData: PersonalDataCollector,
  verifier: TokenVerifier,
): ServiceApi {
  const api = new ServiceApi({
    service: 'notifications',
    title: 'Relais notifications',
    version: '1.0.0',
    toProblem,
  });
  const member = [authenticate(verifier), requireRole('teacher', 'trainer')];

  api.route({
    method: 'get',
    path: '/me/notifications',
    operationId: 'myNotifications',
    summary: 'Your notifications, newest day first, and how many are unread (teachers and trainers).',
    description:
      'Each says what happened and links to the page where it is: never a text, an author, a category ' +
      'or an intensity. New anonymous feedback arrives as a count, the day after.',
    tags: ['notifications'],
    middleware: member,
    request: { query: noticesQuery },
    responses: {
      200: { description: 'Yours only.', schema: noticesView },
      400: problem('A limit outside 1–100.'),
      403: problem('Only teachers and trainers receive notifications.'),
    },
    handler: async ({ query, req }) => {
      const { unread, notices } = await notifications.noticesOf(
        callerOf(req).id,
        addressOf(req),
        query.limit ?? 50,
      );
      return { status: 200, body: { unread, notifications: notices.map(viewOf) } };
    },
  });

  api.route({
    method: 'post',
    path: '/me/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: 'Marks one of your notifications read (again is fine).',
    tags: ['notifications'],
    middleware: member,
    request: { params: noticeIdParams },
    responses: {
      204: problem('Read.'),
      400: problem('Not a notification id.'),
      403: problem('Only teachers and trainers receive notifications.'),
      404: problem('`NOTIFICATION_NOT_FOUND`: none of yours has this id.'),
    },
    handler: async ({ params, req }) => {
      await notifications.markRead(callerOf(req).id, params.id);
    },
  });

  api.route({
    method: 'get',
    path: '/me/preferences',
    operationId: 'myNotificationPreferences',
    summary: 'For each kind of notification, how you get its e-mail: immediate, daily-digest or off.',
    tags: ['notifications'],
    middleware: member,
    responses: {
      200: { description: 'Defaults until you choose.', schema: preferencesView },
      403: problem('Only teachers and trainers receive notifications.'),
    },
    handler: async ({ req }) => ({
      status: 200,
      body: { preferences: await notifications.preferencesOf(callerOf(req).id, addressOf(req)), kinds },
    }),
  });

  api.route({
    method: 'put',
    path: '/me/preferences',
    operationId: 'setMyNotificationPreferences',
    summary: 'Sets how you get the e-mail of each kind; the notices in the portal stay.',
    tags: ['notifications'],
    middleware: member,
    request: { body: preferencesBody },
    responses: {
      200: { description: 'As saved.', schema: preferencesView },
      400: problem('A kind missing or unknown, or a choice other than immediate, daily-digest or off.'),
      403: problem('Only teachers and trainers receive notifications.'),
    },
    handler: async ({ body, req }) => ({
      status: 200,
      body: { preferences: await notifications.setPreferences(callerOf(req).id, body), kinds },
    }),
  });

  // Every signed-in role: an inspector gets no notices, but may still ask what is held about him.
  declareMyDataRoute(api, {
    middleware: [authenticate(verifier)],
    declaration: notificationsPersonalData,
    collect: (req) => personalData.collect(callerOf(req).id),
  });

  api.route({
    method: 'get',
    path: '/unsubscribe/:token',
    operationId: 'unsubscribePage',
    summary: 'The page of a mail’s unsubscribe link: it asks to confirm (no sign-in).',
    description:
      'A page, not the change itself: mail scanners open links, and must not unsubscribe anybody. ' +
      'The token is signed by the service for one person and one kind.',
    tags: ['notifications'],
    secured: false,
    request: { params: unsubscribeParams },
    responses: {
      200: problem('An HTML page with a button that confirms.'),
      400: problem('Not the token of an unsubscribe link.'),
      404: problem('`UNSUBSCRIBE_LINK_INVALID`: the token is not one this service signed.'),
    },
    handler: ({ params, res }) => {
      const kind = notifications.unsubscribeKindOf(params.token);
      sendPage(
        res,
        'Se désabonner',
        `<p>Vous ne recevrez plus par courriel les notifications « ${escapeHtml(kindLabels[kind])} ». ` +
          `Elles resteront visibles dans Relais.</p><form method="post"><button type="submit">Confirmer</button></form>`,
      );
    },
  });

  api.route({
    method: 'post',
    path: '/unsubscribe/:token',
    operationId: 'unsubscribe',
    summary: 'Turns off the e-mail of the link’s kind for its person (no sign-in).',
    tags: ['notifications'],
    secured: false,
    request: { params: unsubscribeParams },
    responses: {
      200: problem('An HTML page that says it is done.'),
      400: problem('Not the token of an unsubscribe link.'),
      404: problem('`UNSUBSCRIBE_LINK_INVALID`: the token is not one this service signed.'),
    },
    handler: async ({ params, res }) => {
      const kind: NoticeKind = await notifications.unsubscribe(params.token);
      sendPage(
        res,
        'Désabonnement enregistré',
        `<p>Vous ne recevrez plus par courriel les notifications « ${escapeHtml(kindLabels[kind])} ». ` +
          `Vous pouvez changer d’avis sur la page des préférences de notification de Relais.</p>`,
      );
    },
  });

  return api;
}
