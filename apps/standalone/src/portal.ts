import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request } from 'express';

/** Where `npm run portal:build` writes the portal (git-ignored). */
export const PORTAL_DIST_DIR = fileURLToPath(new URL('../../portal/dist/', import.meta.url));

/** Prefixes that belong to the server: never answered with the portal's index.html. */
const SERVER_PREFIXES = ['/api', '/realms', '/docs', '/healthz', '/readyz', '/metrics', '/assets'];

/**
 * Scripts, styles and fonts come from this origin only; the API and the identity provider are on the
 * same origin (no CORS). Inline styles stay allowed because DSFR's scripts set style attributes
 * (collapse heights, modals); inline scripts do not.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The hidden frame of silent renewal loads the provider's authorize endpoint on this origin.
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (isServerPath(req.path)) return false;
  // /favicon.ico or /robots.txt that dist/ lacks is a 404, not the app.
  if (/\.[a-z0-9]+$/i.test(req.path)) return false;
  return req.accepts(['html', 'json']) === 'html';
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Relais</title></head>
<body><main><h1>Le portail n'est pas encore construit</h1>
<p>Lancez <code>npm run portal:build</code> puis rechargez cette page. L'API reste disponible sous /api et sa documentation sous /docs.</p></main></body></html>`;

/**
 * Serves the built portal at / on the API's origin: hashed assets cached for a year, index.html
 * never cached (a new deployment is picked up at the next visit), and index.html for every deep link
 * so the portal's router can answer it. Mounted after the API, the provider and /docs.
 */
export function mountPortal(app: Express, distDir: string = PORTAL_DIST_DIR): void {
  app.use(
    '/assets',
    express.static(join(distDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  app.use(
    express.static(distDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        res.setHeader('Content-Security-Policy', PORTAL_CSP);
        if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-store');
      },
    }),
  );
  app.use((req, res, next) => {
    if (!wantsPage(req)) {
      next();
      return;
    }
    const index = join(distDir, 'index.html');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', PORTAL_CSP);
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(index);
  });
}
