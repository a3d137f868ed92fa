import request from 'supertest';
import { z } from 'zod';
import { ServiceApi } from '../src';
import { sampleApp } from './support/sample-app';

describe('OpenAPI document', () => {
  const { app } = sampleApp();

  async function documentOf(service: string) {
    const response = await request(app).get(`/api/${service}/openapi.json`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('is OpenAPI 3.1 with info, a server under /api/<service> and {param} paths', async () => {
    const document = await documentOf('x');
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({
      title: 'Relais sample',
      version: '1.0.0',
      description: expect.stringContaining('405 `METHOD_NOT_ALLOWED`'),
    });
    expect(document.servers).toEqual([{ url: '/api/x' }]);
    expect(Object.keys(document.paths).sort()).toEqual(['/context', '/items', '/items/{id}']);
    expect(Object.keys(document.paths['/items/{id}']).sort()).toEqual(['delete', 'get', 'post']);
  });

  it('documents the request body from the validating schema, strictness included', async () => {
    const operation = (await documentOf('x')).paths['/items/{id}'].post;
    expect(operation.operationId).toBe('putItem');
    expect(operation.tags).toEqual(['items']);
    expect(operation.requestBody.required).toBe(true);
    expect(operation.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { title: { type: 'string', minLength: 1 }, count: { type: 'integer' } },
      required: ['title'],
      additionalProperties: false,
    });
    expect(operation.parameters).toEqual([
      expect.objectContaining({
        in: 'path',
        name: 'id',
        required: true,
        schema: expect.objectContaining({ type: 'string' }),
      }),
    ]);
    expect(operation.responses['201'].content['application/json'].schema).toMatchObject({
      properties: { id: { type: 'string' }, title: { type: 'string' } },
    });
  });

  it('documents query parameters with their defaults', async () => {
    const operation = (await documentOf('x')).paths['/items'].get;
    expect(operation.parameters).toEqual([
      expect.objectContaining({
        in: 'query',
        name: 'limit',
        schema: expect.objectContaining({ default: 10 }),
      }),
    ]);
  });

  it('declares bearer JWT security on secured operations only', async () => {
    const document = await documentOf('x');
    expect(document.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
    expect(document.paths['/items/{id}'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths['/items'].get.security).toBeUndefined();
  });

  it('documents every 4xx/5xx response as a Problem, including the implicit ones', async () => {
    const document = await documentOf('x');
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
    const responses = document.paths['/items/{id}'].post.responses;
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415', '500']);
    for (const status of ['400', '401', '403', '409', '413', '415', '500']) {
      expect(responses[status].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(Object.keys(document.paths['/items'].get.responses).sort()).toEqual(['200', '400', '500']);
  });

  it('states the rules every operation shares: no-store, OPTIONS and 405, refused unknown fields', async () => {
    const document = await documentOf('x');
    expect(document.info.description).toContain('`Cache-Control: no-store`');
    expect(document.info.description).toContain('OPTIONS with 204 and an `Allow` header');
    expect(document.info.description).toContain('400 `UNKNOWN_FIELDS`');
    for (const operation of [document.paths['/items/{id}'].get, document.paths['/items'].get]) {
      for (const response of Object.values(operation.responses) as { headers: unknown }[]) {
        expect(response.headers).toEqual({
          'Cache-Control': expect.objectContaining({
            required: true,
            schema: { type: 'string', enum: ['no-store'] },
          }),
        });
      }
    }
    expect(document.paths['/items'].get.responses['400'].description).toContain('UNKNOWN_FIELDS');
  });

  it('states the uuid rule z.uuid() enforces, which `format: uuid` alone does not', async () => {
    const api = new ServiceApi({ service: 'ids', title: 't', version: '1' });
    api.route({
      method: 'get',
      path: '/things/:id',
      operationId: 'thing',
      summary: 'One thing',
      request: { params: z.strictObject({ id: z.uuid() }) },
      responses: { 200: { description: 'ok' } },
      handler: () => ({ status: 200 }),
    });
    const [parameter] = api.openApiDocument().paths?.['/things/{id}']?.get?.parameters as {
      schema: { format: string; pattern: string };
    }[];
    const pattern = new RegExp(parameter?.schema.pattern ?? '');
    expect(parameter?.schema.format).toBe('uuid');
    // Version 0 and variant c are well-formed UUIDs that z.uuid() refuses; the document must say so.
    expect(pattern.test('1f08d417-05d4-04eb-cdc8-26d5d4f1bbd8')).toBe(false);
    expect(pattern.test('1f08d417-05d4-44eb-adc8-26d5d4f1bbd8')).toBe(true);
  });
});
