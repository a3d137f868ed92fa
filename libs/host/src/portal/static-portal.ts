import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request } from 'express';

/** Where `npm run portal:build` writes the portal (git-ignored). */
export const PORTAL_DIST_DIR = fileURLToPath(new URL('../../../../apps/portal/dist/', import.meta.url));

/** Where the portal reads, at run time, which identity provider signs people in. */
export const PORTAL_CONFIG_PATH = '/portal-config.json';

/** The identity provider of the same origin: the embedded one of standalone, or Keycloak behind a proxy. */
export const SAME_ORIGIN_AUTHORITY = '/realms/relais';

/** Prefixes that belong to the server: never answered with the portal's index.html. */
const SERVER_PREFIXES = ['/api', '/realms', '/docs', '/healthz', '/readyz', '/metrics', '/assets'];

/**
 * Scripts, styles and fonts come from this origin only; the API is on the same origin (no CORS).
 * Inline styles stay allowed because DSFR's scripts set style attributes (collapse heights, modals);
 * inline scripts do not. The identity provider is this origin too, unless `providerOrigin` names
 * another (Keycloak on its own host): the portal then calls its token endpoint and loads its
 * authorize endpoint in the hidden frame of silent renewal, and nothing else of it.
 */
export function portalCsp(providerOrigin?: string): string {
  const provider = providerOrigin ? ` ${providerOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    `frame-src 'self'${provider}`,
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The CSP when the identity provider is on the portal's origin (standalone). */
export const PORTAL_CSP = portalCsp();

export interface PortalOptions {
  distDir?: string;
  /**
   * The OIDC authority the portal signs people in with, absolute or relative to the portal's origin;
   * the realm on this origin when absent.
   */
  oidcAuthority?: string;
}

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

/** The origin of an absolute authority, which the CSP must admit; none for one on the portal's origin. */
function providerOriginOf(authority: string): string | undefined {
  return /^https?:\/\//.test(authority) ? new URL(authority).origin : undefined;
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Relais</title></head>
<body><main><h1>Le portail n'est pas encore construit</h1>
<p>Lancez <code>npm run portal:build</code> puis rechargez cette page. L'API reste disponible sous /api et sa documentation sous /docs.</p></main></body></html>`;

/**
 * Serves the built portal at / next to the API: hashed assets cached for a year, index.html never
 * cached (a new deployment is picked up at the next visit), index.html for every deep link so the
 * portal's router can answer it, and the run-time configuration at /portal-config.json so that one
 * build works behind standalone, the local gateway and the ingress. Mounted after the API routes.
 */
export function mountPortal(app: Express, options: PortalOptions = {}): void {
  const distDir = options.distDir ?? PORTAL_DIST_DIR;
  const oidcAuthority = options.oidcAuthority ?? SAME_ORIGIN_AUTHORITY;
  const csp = portalCsp(providerOriginOf(oidcAuthority));
  app.get(PORTAL_CONFIG_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ oidcAuthority });
  });
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
        res.setHeader('Content-Security-Policy', csp);
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
    res.setHeader('Content-Security-Policy', csp);
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(index);
  });
}
