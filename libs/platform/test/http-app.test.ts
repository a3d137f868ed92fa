import request from 'supertest';
import { PROMETHEUS_TEXT_CONTENT_TYPE } from '../src';
import { sampleApp } from './support/sample-app';

describe('correlation id', () => {
  const { app, logs } = sampleApp();

  it('echoes a safe incoming id and exposes it to asynchronous handler code', async () => {
    const response = await request(app).get('/api/x/context').set('x-correlation-id', 'req-2024.01_abc');
    expect(response.headers['x-correlation-id']).toBe('req-2024.01_abc');
    expect(response.body).toEqual({ correlationId: 'req-2024.01_abc' });
  });

  it('replaces an unsafe or oversized id by a generated one', async () => {
    for (const unsafe of ['jeanne martin <script>', 'x'.repeat(65)]) {
      const response = await request(app).get('/api/x/context').set('x-correlation-id', unsafe);
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    }
  });

  it('generates an id when none is given and keeps it in the async context after body parsing', async () => {
    const response = await request(app).get('/api/x/context');
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  });

  it('logs one line per request with the route template, status and duration, and no URL', async () => {
    // An undeclared query parameter is refused (400), and the line still names nothing of the URL.
    await request(app)
      .get('/api/x/items/12345?limit=3&email=jeanne.martin@example.org')
      .set('x-correlation-id', 'c-1');
    const line = logs.records().find((record) => record.correlationId === 'c-1');
    expect(line).toEqual(
      expect.objectContaining({
        service: 'sample',
        msg: 'request completed',
        method: 'GET',
        route: '/api/x/items/:id',
        status: 400,
        durationMs: expect.any(Number),
      }),
    );
    expect(logs.lines.join('\n')).not.toMatch(/12345|jeanne|limit=3|user-agent/);
  });
});

describe('health endpoints', () => {
  it('answers /healthz with 200 live', async () => {
    const response = await request(sampleApp().app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'live' });
  });

  it('answers /readyz with 200 when every check passes', async () => {
    const { app } = sampleApp({
      readiness: [
        { name: 'kafka', check: async () => undefined },
        { name: 'mongo', check: async () => undefined },
      ],
    });
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { kafka: 'up', mongo: 'up' } });
  });

  it('answers /readyz with 503 naming failed and hung checks, without secrets', async () => {
    const refused = Object.assign(new Error('connect to mongodb://relais:s3cret@mongo:27017 failed'), {
      code: 'ECONNREFUSED',
    });
    const { app } = sampleApp({
      readinessTimeoutMs: 50,
      readiness: [
        { name: 'kafka', check: async () => undefined },
        { name: 'mongo', check: () => Promise.reject(refused) },
        { name: 'keycloak', check: () => new Promise<void>(() => undefined) },
        {
          name: 'broken',
          check: () => {
            throw new Error('synchronous failure');
          },
        },
      ],
    });
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'not-ready',
      checks: {
        kafka: 'up',
        mongo: expect.stringMatching(/^down: .*\(ECONNREFUSED\)$/),
        keycloak: 'down: no answer within 50 ms',
        broken: 'down: synchronous failure',
      },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/s3cret|relais:/);
  });
});

describe('/metrics', () => {
  it('serves the given metrics text with its content type', async () => {
    const { app } = sampleApp({
      metrics: { contentType: 'text/plain; version=0.0.4', collect: async () => 'relais_up 1\n' },
    });
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(response.text).toBe('relais_up 1\n');
  });

  it('serves an empty Prometheus text when the process has no metrics', async () => {
    const response = await request(sampleApp().app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(PROMETHEUS_TEXT_CONTENT_TYPE);
    expect(response.text).toBe('');
  });
});

describe('app wiring', () => {
  it('applies helmet headers and no x-powered-by', async () => {
    const response = await request(sampleApp().app).get('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('mounts extra routes from configure before the 404', async () => {
    const { app } = sampleApp({
      configure: (configured) => configured.get('/docs', (_req, res) => res.send('docs')),
    });
    expect((await request(app).get('/docs')).text).toBe('docs');
    expect((await request(app).get('/nowhere')).status).toBe(404);
  });
});
