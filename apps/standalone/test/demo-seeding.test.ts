import express from 'express';
import request from 'supertest';
import { DemoSeeding } from '../src/seed/demo-seeding';

/** An app where the gate stands before a stand-in for the stats service, as in the standalone. */
function appGatedBy(seeding: DemoSeeding) {
  const app = express();
  seeding.mount(app);
  app.get('/api/stats/catalogue', (_req, res) => {
    res.json({ tables: [] });
  });
  app.get('/api/enrollment/courses', (_req, res) => {
    res.json([]);
  });
  return app;
}

describe('the demo seeding gate', () => {
  it('holds statistics back with a 503 that says when to retry while the history is counted, so no table is published incomplete', async () => {
    const app = appGatedBy(new DemoSeeding(true));

    const response = await request(app).get('/api/stats/catalogue');

    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.body).toMatchObject({ status: 503, code: 'DEMO_DATA_LOADING' });
  });

  it('lets the other services answer while the demo is written', async () => {
    const response = await request(appGatedBy(new DemoSeeding(true))).get('/api/enrollment/courses');

    expect(response.status).toBe(200);
  });

  it('opens statistics once the history is counted, and reports the demo seeded only at the end', async () => {
    const seeding = new DemoSeeding(true);
    const app = appGatedBy(seeding);
    expect((await request(app).get('/demo/status')).status).toBe(503);

    seeding.historyDone();
    expect((await request(app).get('/api/stats/catalogue')).status).toBe(200);
    expect(await request(app).get('/demo/status')).toMatchObject({ status: 503, body: { seeded: false } });

    seeding.done();
    expect(await request(app).get('/demo/status')).toMatchObject({ status: 200, body: { seeded: true } });
  });

  it('stands aside when no demo data is seeded (RELAIS_SEED=none)', async () => {
    const app = appGatedBy(new DemoSeeding(false));

    expect((await request(app).get('/api/stats/catalogue')).status).toBe(200);
    expect(await request(app).get('/demo/status')).toMatchObject({ status: 200, body: { seeded: true } });
  });
});
