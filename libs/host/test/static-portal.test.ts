import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express, { type Express } from 'express';
import request from 'supertest';
import { mountPortal, PORTAL_CONFIG_PATH } from '../src/portal';

describe('the portal served by standalone', () => {
  let dist: string;
  let app: Express;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relais</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = express();
    app.get('/api/enrollment/courses', (_req, res) => {
      res.json([]);
    });
    mountPortal(app, { distDir: dist });
    app.use((_req, res) => {
      res.status(404).type('application/problem+json').json({ code: 'ROUTE_NOT_FOUND' });
    });
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('answers index.html for a deep link, never cached, under a CSP without inline scripts', async () => {
    const response = await request(app).get('/mes-parcours/course-1').set('Accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<title>Relais</title>');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain("'unsafe-eval'");
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self';/);
  });

  it('never caches index.html even when asked for by its own name', async () => {
    const response = await request(app).get('/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('caches hashed assets for a year', async () => {
    const response = await request(app).get('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    '/api/enrollment/unknown',
    '/realms/relais/unknown',
    '/docs/x',
    '/healthz',
    '/readyz',
    '/metrics',
  ])('leaves %s to the server, even for a browser asking for HTML', async (path) => {
    const response = await request(app).get(path).set('Accept', 'text/html');
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<title>Relais</title>');
  });

  it('does not answer a missing asset with the app', async () => {
    const response = await request(app).get('/assets/missing-123.js').set('Accept', 'text/html');
    expect(response.status).toBe(404);
  });

  it('does not answer an API client asking for JSON with the app', async () => {
    const response = await request(app).get('/mes-parcours').set('Accept', 'application/json');
    expect(response.status).toBe(404);
  });

  it('keeps the API routes it was mounted after', async () => {
    const response = await request(app).get('/api/enrollment/courses').set('Accept', 'text/html');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it('says in French how to build the portal when dist/ is missing', async () => {
    const bare = express();
    mountPortal(bare, { distDir: join(dist, 'nowhere') });
    const response = await request(bare).get('/').set('Accept', 'text/html');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run portal:build');
  });

  it('tells the portal to sign in on its own origin by default, never cached', async () => {
    const response = await request(app).get(PORTAL_CONFIG_PATH);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ oidcAuthority: '/realms/relais' });
  });
});

describe('the portal signing in on another origin (Keycloak behind the local gateway)', () => {
  const authority = 'http://127.0.0.1:8180/realms/relais';
  let dist: string;
  let app: Express;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Relais</title>');
    app = express();
    mountPortal(app, { distDir: dist, oidcAuthority: authority });
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('gives the portal that authority at run time', async () => {
    const response = await request(app).get(PORTAL_CONFIG_PATH);
    expect(response.body).toEqual({ oidcAuthority: authority });
  });

  it('lets the page call the provider and frame its renewal page, and nothing else of it', async () => {
    const response = await request(app).get('/').set('Accept', 'text/html');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8180;");
    expect(csp).toContain("frame-src 'self' http://127.0.0.1:8180;");
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toContain("form-action 'self';");
  });
});
