import request from 'supertest';
import { sampleApp } from './support/sample-app';

describe('undeclared methods on known paths (RFC 9110 §15.5.6)', () => {
  const { app } = sampleApp();

  it.each(['PUT', 'PATCH', 'TRACE'])(
    'answers %s on a declared path with 405 problem+json and the declared methods in Allow',
    async (method) => {
      const response =
        await request(app)[method.toLowerCase() as 'put' | 'patch' | 'trace']('/api/x/items/7');
      expect(response.status).toBe(405);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      // GET, POST and DELETE are declared on /items/:id; Express answers HEAD with the GET route.
      expect(response.headers.allow).toBe('GET, HEAD, POST, DELETE, OPTIONS');
      expect(response.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
      expect(response.body.detail).toContain(`does not answer ${method}`);
    },
  );

  it('lists only what each path declares', async () => {
    const response = await request(app).post('/api/x/items');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers before validation and guards: the method is wrong whatever the path values', async () => {
    const response = await request(app).put('/api/x/items/not-digits').send({ anything: 1 });
    expect(response.status).toBe(405);
  });

  it('still routes declared methods, HEAD included', async () => {
    expect((await request(app).get('/api/x/items/7')).status).toBe(200);
    expect((await request(app).head('/api/x/items/7')).status).toBe(200);
    expect((await request(app).delete('/api/x/items/7/')).status).toBe(204);
  });

  it('answers OPTIONS on a known path with 204 and Allow, without a body', async () => {
    const response = await request(app).options('/api/x/items/7');
    expect(response.status).toBe(204);
    expect(response.headers.allow).toBe('GET, HEAD, POST, DELETE, OPTIONS');
    expect(response.text).toBe('');
  });

  it('keeps 404 for paths no route declares, whatever the method', async () => {
    for (const method of ['get', 'put', 'options'] as const) {
      const response = await request(app)[method]('/api/x/items/7/unknown');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('answers 405 on the OpenAPI document and the health endpoints too', async () => {
    for (const path of ['/api/x/openapi.json', '/healthz', '/readyz', '/metrics']) {
      const response = await request(app).post(path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
    }
  });
});
