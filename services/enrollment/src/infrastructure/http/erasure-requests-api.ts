import type { RequestHandler } from 'express';
import { callerOf, requireRole } from '@relais/auth';
import { correlationIdOf, type ServiceApi } from '@relais/platform';
import { LISTED_ERASURES, type ErasureRequests } from '../../application/erasure-requests';
import { erasureRequestBody, erasureRequestList, erasureRequestView } from './schemas';

const problem = (description: string) => ({ description });

/**
 * The ops routes of erasure (GDPR article 17, ADR 0033): an administrator (role `ops`) asks for a
 * person to be erased everywhere, with a reason kept in the audit record, and follows the erasures.
 */
export function mountErasureRequestRoutes(
  api: ServiceApi,
  requests: ErasureRequests,
  signedIn: RequestHandler,
): void {
  api.route({
    method: 'post',
    path: '/ops/erasures',
    operationId: 'requestErasure',
    summary: 'Erase a person from every service of Relais, with the reason for the audit (administrators).',
    description:
      'From now on no event about the person is published or applied; every service forgets him, then his ' +
      'key is destroyed and every copy of his events on the bus is unreadable. Named feedback stays as ' +
      '"ancien participant"; anonymous facts and published statistics stay. Erasing an unknown person, or ' +
      'twice, is harmless.',
    tags: ['erasure'],
    middleware: [signedIn, requireRole('ops')],
    request: { body: erasureRequestBody },
    responses: {
      202: { description: 'Requested: follow it in the list.', schema: erasureRequestView },
      400: problem(
        'No personId (a UUID), or no reason of 10 to 500 characters, or a reason naming the person.',
      ),
      403: problem('Not an administrator (role ops).'),
    },
    handler: async ({ body, req }) => {
      const caller = callerOf(req);
      const view = await requests.request(
        { personId: body.personId, reason: body.reason, source: 'administrator', requestedBy: caller.id },
        correlationIdOf(req),
      );
      return { status: 202, body: view, headers: { Location: `ops/erasures#${view.erasureId}` } };
    },
  });

  api.route({
    method: 'get',
    path: '/ops/erasures',
    operationId: 'listErasures',
    summary: `The latest ${LISTED_ERASURES} erasure requests and how far each went (administrators).`,
    tags: ['erasure'],
    middleware: [signedIn, requireRole('ops')],
    responses: {
      200: { description: 'The latest first; none is an empty list.', schema: erasureRequestList },
      403: problem('Not an administrator (role ops).'),
    },
    handler: async ({ req }) => ({ status: 200, body: { erasures: await requests.list(callerOf(req).id) } }),
  });
}
