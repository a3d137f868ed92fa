import { jest } from '@jest/globals';
import type { RequestHandler } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { ServiceApi, conflict, forbidden } from '../src';
import { sampleApp } from './support/sample-app';

describe('ServiceApi routes', () => {
  const { app } = sampleApp();

  it('passes validated values to the handler and answers with the declared status and headers', async () => {
    const response = await request(app)
      .post('/api/x/items/7')
      .send({ title: 'Gestes professionnels', count: 2 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: '7', title: 'Gestes professionnels' });
    expect(response.headers.location).toBe('/api/x/items/7');
  });

  it('replaces raw query strings by zod output (coercion and defaults)', async () => {
    expect((await request(app).get('/api/x/items?limit=25')).body).toEqual({ limit: 25 });
    expect((await request(app).get('/api/x/items')).body).toEqual({ limit: 10 });
  });

  it('strips response fields the response schema does not list', async () => {
    const response = await request(app).get('/api/x/items/3');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: '3', title: 'A title' });
  });

  it('answers 204 when the handler returns nothing', async () => {
    const response = await request(app).delete('/api/x/items/3');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('runs route middleware before validation, so guards answer first', async () => {
    const api = new ServiceApi({ service: 'guarded', title: 't', version: '1' });
    const handler = jest.fn(() => ({ status: 200 as const, body: { ok: true } }));
    const guard: RequestHandler = (_req, _res, next) => next(forbidden('ROLE_NOT_ALLOWED', 'Trainers only.'));
    api.route({
      method: 'post',
      path: '/things',
      operationId: 'createThing',
      summary: 'Guarded',
      middleware: [guard],
      request: { body: z.strictObject({ name: z.string() }) },
      responses: { 200: { description: 'ok', schema: z.object({ ok: z.boolean() }) } },
      handler,
    });
    const response = await request(sampleApp({ services: [api] }).app)
      .post('/api/guarded/things')
      .send({ bad: 1 });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('ROLE_NOT_ALLOWED');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 500 when a handler returns a body its response schema rejects', async () => {
    const api = new ServiceApi({ service: 'broken', title: 't', version: '1' });
    api.route({
      method: 'get',
      path: '/thing',
      operationId: 'getThing',
      summary: 'Broken',
      responses: { 200: { description: 'ok', schema: z.object({ count: z.number() }) } },
      handler: () => ({ status: 200, body: { count: 'many' as unknown as number } }),
    });
    const response = await request(sampleApp({ services: [api] }).app).get('/api/broken/thing');
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('INTERNAL_ERROR');
  });

  it('answers 500 when a handler answers a status it did not declare', async () => {
    const api = new ServiceApi({ service: 'undeclared', title: 't', version: '1' });
    api.route({
      method: 'get',
      path: '/thing',
      operationId: 'getThing',
      summary: 'Undeclared status',
      responses: { 200: { description: 'ok' } },
      handler: () => ({ status: 202 }),
    });
    const response = await request(sampleApp({ services: [api] }).app).get('/api/undeclared/thing');
    expect(response.status).toBe(500);
  });

  it('maps what handlers throw through the service’s toProblem, and leaves unknown errors to the 500', async () => {
    class CourseFull extends Error {}
    const api = new ServiceApi({
      service: 'mapped',
      title: 't',
      version: '1',
      toProblem: (error) => (error instanceof CourseFull ? conflict('COURSE_FULL', 'No seat left.') : error),
    });
    const route = (path: string, error: Error) =>
      api.route({
        method: 'post',
        path,
        operationId: path.slice(1),
        summary: 'Throws',
        responses: { 200: { description: 'never' } },
        handler: () => {
          throw error;
        },
      });
    route('/full', new CourseFull());
    route('/bug', new TypeError('boom'));
    const app = sampleApp({ services: [api] }).app;
    const full = await request(app).post('/api/mapped/full');
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'COURSE_FULL', detail: 'No seat left.' });
    const bug = await request(app).post('/api/mapped/bug');
    expect(bug.status).toBe(500);
    expect(bug.body.code).toBe('INTERNAL_ERROR');
  });
});

describe('ServiceApi declarations', () => {
  const base = {
    method: 'post' as const,
    operationId: 'op',
    summary: 's',
    responses: { 204: { description: 'done' } },
    handler: () => undefined,
  };

  it('rejects body and query schemas that would accept unknown fields', () => {
    const api = new ServiceApi({ service: 'y', title: 't', version: '1' });
    expect(() => api.route({ ...base, path: '/a', request: { body: z.object({ a: z.string() }) } })).toThrow(
      /must be strict/,
    );
    expect(() =>
      api.route({ ...base, path: '/a', request: { query: z.looseObject({ a: z.string() }) } }),
    ).toThrow(/must be strict/);
  });

  it('rejects params schemas that do not match the path, and duplicate operation ids', () => {
    const api = new ServiceApi({ service: 'y', title: 't', version: '1' });
    expect(() =>
      api.route({
        ...base,
        path: '/courses/:id',
        request: { params: z.strictObject({ courseId: z.string() }) },
      }),
    ).toThrow(/must match the path/);
    api.route({ ...base, path: '/ok' });
    expect(() => api.route({ ...base, path: '/other' })).toThrow(/declared twice/);
  });

  it('rejects Express paths OpenAPI cannot describe and service names that are not kebab-case', () => {
    const api = new ServiceApi({ service: 'y', title: 't', version: '1' });
    expect(() => api.route({ ...base, path: '/files/*rest' })).toThrow(/OpenAPI cannot describe/);
    expect(() => new ServiceApi({ service: 'My Service', title: 't', version: '1' })).toThrow(/kebab-case/);
  });
});

describe('ServiceApi query strings', () => {
  it('refuses query parameters on a route that declares none', async () => {
    const api = new ServiceApi({ service: 'plain', title: 't', version: '1' });
    api.route({
      method: 'get',
      path: '/things',
      operationId: 'listThings',
      summary: 'No query',
      responses: { 200: { description: 'ok', schema: z.object({ ok: z.boolean() }) } },
      handler: () => ({ status: 200 as const, body: { ok: true } }),
    });
    const app = sampleApp({ services: [api] }).app;
    expect((await request(app).get('/api/plain/things')).status).toBe(200);
    const refused = await request(app).get('/api/plain/things?timeSpent=30');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('UNKNOWN_FIELDS');
    expect(refused.body.detail).toContain('timeSpent');
  });
});
