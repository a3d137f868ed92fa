import { setImmediate as nextTick } from 'node:timers/promises';
import { z } from 'zod';
import { ServiceApi, currentCorrelationId, notFound } from '../../src';

/** A small service exercising every ServiceApi feature the tests look at. */
export function sampleApi(): ServiceApi {
  const api = new ServiceApi({ service: 'x', title: 'Relais sample', version: '1.0.0' });
  const itemParams = z.strictObject({ id: z.string().regex(/^\d+$/, 'must be digits') });
  const item = z.object({ id: z.string(), title: z.string() });

  api.route({
    method: 'post',
    path: '/items/:id',
    operationId: 'putItem',
    summary: 'Create an item',
    tags: ['items'],
    request: {
      params: itemParams,
      body: z.strictObject({ title: z.string().min(1), count: z.number().int().optional() }),
    },
    responses: { 201: { description: 'Created', schema: item }, 409: { description: 'Exists' } },
    handler: ({ params, body }) => ({
      status: 201,
      body: { id: params.id, title: body.title },
      headers: { location: `/api/x/items/${params.id}` },
    }),
  });

  api.route({
    method: 'get',
    path: '/items/:id',
    operationId: 'getItem',
    summary: 'Read an item',
    request: { params: itemParams },
    responses: { 200: { description: 'The item', schema: item }, 404: { description: 'No such item' } },
    handler: ({ params }) => {
      if (params.id === '404') throw notFound('ITEM_NOT_FOUND', 'There is no item with this id.');
      if (params.id === '500')
        throw new Error('lookup failed for jeanne.martin@example.org at school 0690001A');
      // `secret` is not in the response schema: it must never reach the client.
      const stored = { id: params.id, title: 'A title', secret: 'internal' };
      return { status: 200, body: stored };
    },
  });

  api.route({
    method: 'get',
    path: '/items',
    operationId: 'listItems',
    summary: 'List items',
    secured: false,
    request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) }) },
    responses: { 200: { description: 'Page size echo', schema: z.object({ limit: z.number() }) } },
    handler: ({ query }) => ({ status: 200, body: { limit: query.limit } }),
  });

  api.route({
    method: 'delete',
    path: '/items/:id',
    operationId: 'deleteItem',
    summary: 'Delete an item',
    responses: { 204: { description: 'Deleted' } },
    handler: () => undefined,
  });

  api.route({
    method: 'get',
    path: '/context',
    operationId: 'readContext',
    summary: 'Echo the correlation id seen by asynchronous code',
    secured: false,
    responses: { 200: { description: 'The id', schema: z.object({ correlationId: z.string().optional() }) } },
    handler: async () => {
      await nextTick();
      return { status: 200, body: { correlationId: currentCorrelationId() } };
    },
  });

  return api;
}
