import request from 'supertest';
import { z } from 'zod';
import { Problem, ServiceApi } from '../src';
import { sampleApp } from './support/sample-app';

const PROBLEM = /^application\/problem\+json/;

function expectProblem(body: Record<string, unknown>, status: number, code: string): void {
  expect(body).toEqual(
    expect.objectContaining({
      type: `https://relais.example/problems/${code.toLowerCase().replaceAll('_', '-')}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
    }),
  );
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
}

describe('problem responses', () => {
  const { app, logs } = sampleApp({ bodyLimit: '1kb' });

  it('answers malformed JSON with 400 MALFORMED_JSON saying where parsing stopped', async () => {
    const response = await request(app)
      .post('/api/x/items/1')
      .set('content-type', 'application/json')
      .send('{"title": "a",}');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expectProblem(response.body, 400, 'MALFORMED_JSON');
    expect(response.body.detail).toMatch(/not valid JSON: .*position \d+/);
  });

  it('refuses a top-level JSON primitive as malformed (strict JSON)', async () => {
    const response = await request(app)
      .post('/api/x/items/1')
      .set('content-type', 'application/json')
      .send('"title"');
    expectProblem(response.body, 400, 'MALFORMED_JSON');
  });

  it('answers unknown body fields with 400 UNKNOWN_FIELDS naming them', async () => {
    const response = await request(app)
      .post('/api/x/items/1')
      .send({ title: 'ok', timeSpentSeconds: 120, clicks: 4 });
    expect(response.status).toBe(400);
    expectProblem(response.body, 400, 'UNKNOWN_FIELDS');
    expect(response.body.detail).toContain('timeSpentSeconds, clicks');
    expect(response.body.detail).toContain('accepts only documented fields');
    expect(response.body.errors).toEqual([
      { in: 'body', path: 'timeSpentSeconds', message: expect.stringContaining('Unknown field') },
      { in: 'body', path: 'clicks', message: expect.stringContaining('Unknown field') },
    ]);
  });

  it('answers wrong types with 400 VALIDATION_FAILED listing each field', async () => {
    const response = await request(app).post('/api/x/items/1').send({ title: 42, count: 1.5 });
    expect(response.status).toBe(400);
    expectProblem(response.body, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([
      { in: 'body', path: 'title', message: expect.stringContaining('expected string') },
      { in: 'body', path: 'count', message: expect.stringContaining('int') },
    ]);
  });

  it('reports invalid path parameters and query values with their location', async () => {
    const params = await request(app).get('/api/x/items/abc');
    expectProblem(params.body, 400, 'VALIDATION_FAILED');
    expect(params.body.errors).toEqual([{ in: 'params', path: 'id', message: 'must be digits' }]);

    const query = await request(app).get('/api/x/items?limit=500');
    expectProblem(query.body, 400, 'VALIDATION_FAILED');
    expect(query.body.errors).toEqual([{ in: 'query', path: 'limit', message: expect.any(String) }]);

    const unknownQuery = await request(app).get('/api/x/items?limit=5&sort=name');
    expectProblem(unknownQuery.body, 400, 'UNKNOWN_FIELDS');
    expect(unknownQuery.body.errors).toEqual([{ in: 'query', path: 'sort', message: expect.any(String) }]);
  });

  it('answers a missing body on a body route with 400 VALIDATION_FAILED', async () => {
    const response = await request(app).post('/api/x/items/1');
    expectProblem(response.body, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ in: 'body', path: '', message: expect.any(String) }]);
  });

  it('answers an oversized body with 413 BODY_TOO_LARGE stating the limit', async () => {
    const response = await request(app)
      .post('/api/x/items/1')
      .send({ title: 'x'.repeat(2_000) });
    expect(response.status).toBe(413);
    expectProblem(response.body, 413, 'BODY_TOO_LARGE');
    expect(response.body.detail).toContain('1 kB (1024 bytes)');
  });

  it('answers a non-JSON body on a body route with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await request(app)
      .post('/api/x/items/1')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('title=a');
    expect(response.status).toBe(415);
    expectProblem(response.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.detail).toContain('application/json');
  });

  it('answers a body sent to an operation that takes none with 400 UNEXPECTED_BODY', async () => {
    const response = await request(app).delete('/api/x/items/1').send({ reason: 'none of your business' });
    expectProblem(response.body, 400, 'UNEXPECTED_BODY');
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND without echoing the path', async () => {
    const response = await request(app).get('/api/x/nowhere/jeanne.martin');
    expect(response.status).toBe(404);
    expectProblem(response.body, 404, 'ROUTE_NOT_FOUND');
    expect(response.body.detail).not.toContain('jeanne');
  });

  it('sends a thrown Problem as is', async () => {
    const response = await request(app).get('/api/x/items/404');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      type: 'https://relais.example/problems/item-not-found',
      title: 'Not Found',
      status: 404,
      detail: 'There is no item with this id.',
      code: 'ITEM_NOT_FOUND',
    });
  });

  it('answers an unexpected error with a generic 500 and logs it scrubbed', async () => {
    const response = await request(app).get('/api/x/items/500');
    expect(response.status).toBe(500);
    expectProblem(response.body, 500, 'INTERNAL_ERROR');
    expect(JSON.stringify(response.body)).not.toMatch(/jeanne|0690001A|lookup failed|stack/);

    const logged = logs
      .records()
      .find((record) => record.msg === 'unexpected error while handling a request');
    expect(logged).toMatchObject({ level: 'error', errorType: 'Error', correlationId: expect.any(String) });
    expect(logged?.reason).toContain('lookup failed');
    expect(logs.lines.join('\n')).not.toMatch(/jeanne|0690001A/);
  });

  it('sets the headers a problem carries', async () => {
    const api = new ServiceApi({ service: 'limited', title: 't', version: '1' });
    api.route({
      method: 'get',
      path: '/busy',
      operationId: 'busy',
      summary: 'Always busy',
      responses: { 429: { description: 'Slow down' } },
      handler: () => {
        throw new Problem({
          status: 429,
          code: 'SLOW_DOWN',
          detail: 'Wait.',
          headers: { 'Retry-After': '7' },
        });
      },
    });
    const response = await request(sampleApp({ services: [api] }).app).get('/api/limited/busy');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
  });

  it('turns a bare ZodError from hand-written validation into 400 VALIDATION_FAILED', async () => {
    const { app: custom } = sampleApp({
      configure: (configured) =>
        configured.post('/hand-written', (req, res) => {
          res.json(z.strictObject({ done: z.boolean() }).parse(req.body));
        }),
    });
    const response = await request(custom).post('/hand-written').send({ done: 'yes' });
    expectProblem(response.body, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ in: 'body', path: 'done', message: expect.any(String) }]);
  });
});
