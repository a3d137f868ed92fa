import type { RequestHandler } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { ServiceApi, unauthorized } from '../src';
import { sampleApi } from './support/sample-api';
import { sampleApp } from './support/sample-app';

/** A service whose every route needs a token, as the real ones do; the guard refuses all callers. */
function guardedApi(): ServiceApi {
  const api = new ServiceApi({ service: 'guarded', title: 't', version: '1' });
  const refuse: RequestHandler = (_req, _res, next) =>
    next(unauthorized('TOKEN_MISSING', 'Sign in and send your access token.'));
  api.route({
    method: 'get',
    path: '/me/things',
    operationId: 'myThings',
    summary: 'Guarded',
    middleware: [refuse],
    responses: { 200: { description: 'ok', schema: z.object({ ok: z.boolean() }) } },
    handler: () => ({ status: 200, body: { ok: true } }),
  });
  return api;
}

describe('Cache-Control on API responses (docs/design.md §5: personal data is never cached)', () => {
  const { app } = sampleApp({ services: [sampleApi(), guardedApi()] });

  it.each([
    ['a success', 'get', '/api/x/items/3', 200],
    ['a 201 with a body', 'post', '/api/x/items/3', 201],
    ['a 204 without a body', 'delete', '/api/x/items/3', 204],
    ['a refused token', 'get', '/api/guarded/me/things', 401],
    ['a use-case 404', 'get', '/api/x/items/404', 404],
    ['a validation 400', 'get', '/api/x/items/abc', 400],
    ['an unexpected 500', 'get', '/api/x/items/500', 500],
    ['an unknown path under /api', 'get', '/api/x/nowhere', 404],
    ['an undeclared method', 'patch', '/api/x/items/3', 405],
    ['the OpenAPI document', 'get', '/api/x/openapi.json', 200],
  ] as const)('is no-store on %s', async (_case, method, path, status) => {
    const response = await request(app)
      [method](path)
      .send(method === 'post' ? { title: 'Titre' } : undefined);
    expect(response.status).toBe(status);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is no-store on a body refused before any route runs (malformed JSON)', async () => {
    const response = await request(app)
      .post('/api/x/items/3')
      .set('content-type', 'application/json')
      .send('"unterminated');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('no validators on API responses (what is never stored is never revalidated)', () => {
  const { app } = sampleApp();

  it('answers a read without an ETag, and in full to a client that offers one', async () => {
    const first = await request(app).get('/api/x/items/3');
    expect(first.status).toBe(200);
    expect(first.headers['etag']).toBeUndefined();

    // With Express's default ETag, replaying it answered 304, a status no OpenAPI document declares.
    const replayed = await request(app)
      .get('/api/x/items/3')
      .set('if-none-match', first.headers['etag'] ?? 'W/"1a-anything"');
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual(first.body);
  });
});
