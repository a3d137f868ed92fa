import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalCsp } from '@relais/host/portal';
import { portalDockerfile } from './support/dockerfile';
import { gatewayRoutes, routeFor } from './support/gateway-routes';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS, repositoryRoot, SERVICES } from './support/paths';
import { ofKind, selects, workloads, type KubernetesResource, type Workload } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;
const nginxDirectory = join(repositoryRoot, 'apps/portal/nginx');
/** The variable the image's entrypoint substitutes in the templates (envsubst), set by the Deployment. */
const KEYCLOAK_URL_VARIABLE = 'RELAIS_KEYCLOAK_URL';

interface Location {
  modifier: '' | '=' | '^~' | '~' | '~*';
  path: string;
  directives: string[];
}

/** The text up to the `}` that closes a block, braces inside quoted strings (`'${VARIABLE}'`) skipped. */
function blockBody(text: string, from: number): string {
  let quote: string | undefined;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '}') return text.slice(from, index);
  }
  throw new Error('unclosed block in the nginx configuration');
}

/** The `location` blocks of the server configuration, each with its directives (comments dropped). */
function locations(config: string): Location[] {
  const text = config.replace(/^\s*#[^\n]*/gm, '');
  return [...text.matchAll(/location\s+(=|\^~|~\*|~)?\s*(\S+)\s*\{/g)].map((match) => ({
    modifier: (match[1] ?? '') as Location['modifier'],
    path: match[2] ?? '',
    directives: blockBody(text, (match.index ?? 0) + match[0].length)
      .split(/;\s*(?:\n|$)/)
      .map((directive) => directive.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  }));
}

/**
 * The location nginx picks for a request path (ngx_http_core_module): an exact match; else the longest
 * prefix, final if it has ^~; else the first matching regular expression; else that longest prefix.
 */
function locationFor(all: readonly Location[], path: string): Location | undefined {
  const exact = all.find((location) => location.modifier === '=' && location.path === path);
  if (exact) return exact;
  const prefix = all
    .filter(
      (location) =>
        (location.modifier === '' || location.modifier === '^~') && path.startsWith(location.path),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (prefix?.modifier === '^~') return prefix;
  const regex = all.find(
    (location) =>
      (location.modifier === '~' || location.modifier === '~*') &&
      new RegExp(location.path, location.modifier === '~*' ? 'i' : '').test(path),
  );
  return regex ?? prefix;
}

const headerValue = (location: Location | undefined, name: string): string | undefined =>
  location?.directives
    .map((directive) => new RegExp(`^add_header ${name} "([^"]*)"( always)?$`).exec(directive)?.[1])
    .find((value) => value !== undefined);

describe('the portal’s nginx configuration (apps/portal/nginx)', () => {
  const server = readFileSync(join(nginxDirectory, 'portal.conf.template'), 'utf8');
  const headers = readFileSync(join(nginxDirectory, 'portal-headers.inc.template'), 'utf8');
  const all = locations(server);
  const includesHeaders = (location: Location | undefined) =>
    location?.directives.includes('include /etc/nginx/conf.d/portal-headers.inc') ?? false;

  it('sends the same CSP as standalone and the local gateway, Keycloak’s host as the provider', () => {
    const csp = /add_header Content-Security-Policy "([^"]*)" always;/.exec(headers)?.[1];
    expect(csp).toBe(portalCsp(`\${${KEYCLOAK_URL_VARIABLE}}`));
    expect(headers).toMatch(/add_header X-Content-Type-Options "nosniff" always;/);
  });

  it.each(['/', '/formateur/parcours/course-1', '/connexion/retour'])(
    'answers the page %s with index.html, never cached, under the CSP',
    (path) => {
      const location = locationFor(all, path);
      expect(location?.directives).toContain('try_files /index.html =404');
      expect(headerValue(location, 'Cache-Control')).toBe('no-store');
      expect(includesHeaders(location)).toBe(true);
    },
  );

  it('never caches index.html asked for by its name either', () => {
    const location = locationFor(all, '/index.html');
    expect(headerValue(location, 'Cache-Control')).toBe('no-store');
    expect(includesHeaders(location)).toBe(true);
  });

  it('caches hashed assets for a year, and answers a missing one 404, not the app', () => {
    const location = locationFor(all, '/assets/index-d41d8cd9.js');
    expect(headerValue(location, 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    // Only on success: a 404 for an asset of a build not rolled out yet must not stay cached for a year.
    expect(location?.directives).toContain('add_header Cache-Control "public, max-age=31536000, immutable"');
    expect(location?.directives).toContain('try_files $uri =404');
    expect(includesHeaders(location)).toBe(true);
  });

  it.each(['/favicon.svg', '/robots.txt', '/Missing.PNG'])(
    'serves the file %s or 404, never the app',
    (path) => {
      expect(locationFor(all, path)?.directives).toContain('try_files $uri =404');
    },
  );

  it.each(['/api/enrollment/courses', '/api/unknown.json'])('never answers %s with the app', (path) => {
    expect(locationFor(all, path)?.directives).toEqual(['return 404']);
  });

  it('tells the portal where to sign in, at run time, never cached', () => {
    const location = locationFor(all, '/portal-config.json');
    expect(headerValue(location, 'Cache-Control')).toBe('no-store');
    const body = /^return 200 '(.*)'$/.exec(
      location?.directives.find((directive) => directive.startsWith('return ')) ?? '',
    )?.[1];
    const substituted = (body ?? '').replaceAll(
      `\${${KEYCLOAK_URL_VARIABLE}}`,
      'https://auth.relais.example.org',
    );
    expect(JSON.parse(substituted)).toEqual({
      oidcAuthority: 'https://auth.relais.example.org/realms/relais',
    });
  });

  it('keeps no access log (rule L2) and listens on the port the image exposes', () => {
    expect(server).toMatch(/^\s*access_log off;/m);
    expect(server).toMatch(/^\s*server_tokens off;/m);
    const port = /^\s*listen (\d+);/m.exec(server)?.[1];
    expect(portalDockerfile().stages.at(-1)?.instructions).toContain(`EXPOSE ${port}`);
  });

  it('uses no variable of the environment but the one the Deployment sets', () => {
    const variables = new Set(
      [...`${server}\n${headers}`.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]),
    );
    expect([...variables]).toEqual([KEYCLOAK_URL_VARIABLE]);
  });
});

describe.each(OVERLAYS)('the portal in overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];
  let portal: Workload;

  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
    const found = ofKind<Workload>(resources, 'Deployment').find((d) => d.metadata.name === 'relais-portal');
    if (!found) throw new Error(`overlay ${overlay} renders no Deployment relais-portal`);
    portal = found;
  }, FIRST_BUILD_TIMEOUT_MS);

  const container = () =>
    portal.spec.template.spec.containers[0] as Workload['spec']['template']['spec']['containers'][0] & {
      env?: { name: string; value?: string }[];
      ports?: { containerPort: number }[];
      volumeMounts?: { name: string; mountPath: string }[];
    };

  it('runs a fixed number of pods, no autoscaler, that a node drain never takes all at once', () => {
    const replicas = (portal.spec as { replicas?: number }).replicas;
    expect(replicas).toBe(overlay === 'prod' ? 3 : 1);
    const autoscalers = ofKind(resources, 'HorizontalPodAutoscaler').filter(
      (hpa) => (hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === 'relais-portal',
    );
    expect(autoscalers).toEqual([]);
    const budget = ofKind(resources, 'PodDisruptionBudget').find((pdb) =>
      selects(
        (pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector,
        portal.spec.template.metadata?.labels,
      ),
    );
    const spec = budget?.spec as { minAvailable?: number; maxUnavailable?: number } | undefined;
    expect(spec).toBeDefined();
    // A drain must be able to evict one pod: minAvailable below the count, or maxUnavailable at least one.
    if (spec?.minAvailable !== undefined) expect(spec.minAvailable).toBeLessThan(replicas ?? 0);
    else expect(spec?.maxUnavailable).toBeGreaterThanOrEqual(1);
  });

  it('runs the portal image, by digest in production', () => {
    const image = container().image ?? '';
    expect(image).toMatch(/\/relais\/portal:0\.1\.0/);
    if (overlay === 'prod') expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
  });

  it('signs people in on the Keycloak the services trust, as browsers reach it', () => {
    const serviceIssuers = new Set(
      ofKind(resources, 'ConfigMap')
        .filter((c) => c.metadata.labels?.['app.kubernetes.io/component'] === 'api')
        .map((c) => (c['data'] as Record<string, string>)['KEYCLOAK_URL']),
    );
    const portalIssuer = container().env?.find((variable) => variable.name === KEYCLOAK_URL_VARIABLE)?.value;
    expect([...serviceIssuers]).toEqual([portalIssuer]);
    expect(portalIssuer).toMatch(/^https:\/\/auth\.[a-z0-9.-]+$/);
  });

  it('gives nginx writable room for its pid file and the configuration its entrypoint writes, nothing else', () => {
    const emptyDirs = new Set(
      ((portal.spec.template.spec as { volumes?: { name: string; emptyDir?: unknown }[] }).volumes ?? [])
        .filter((volume) => volume.emptyDir)
        .map((volume) => volume.name),
    );
    const mounts = container().volumeMounts ?? [];
    expect(mounts.every((mount) => emptyDirs.has(mount.name))).toBe(true);
    expect(mounts.map((mount) => mount.mountPath).sort()).toEqual(['/etc/nginx/conf.d', '/tmp']);
    expect(container().ports?.map((port) => port.containerPort)).toEqual([8080]);
  });

  it('is served at / of the portal’s host, with the API at /api on the same origin, through the same Gateway', () => {
    const routes = gatewayRoutes(resources);
    const realmJob = workloads(resources).find((w) => w.metadata.name === 'relais-keycloak-realm');
    const portalOrigin = (
      realmJob?.spec.template.spec.containers[0] as { env?: { name: string; value?: string }[] }
    ).env?.find((variable) => variable.name === 'RELAIS_PORTAL_ORIGIN')?.value;
    const portalHost = new URL(portalOrigin ?? 'https://unset.invalid').host;
    const backendOf = (host: string, path: string) => routeFor(routes, host, path)?.backend;

    expect(backendOf(portalHost, '/')).toBe('relais-portal');
    expect(backendOf(portalHost, '/courses/42')).toBe('relais-portal');
    expect(backendOf(portalHost, '/assets/index-abc.js')).toBe('relais-portal');
    for (const service of SERVICES)
      expect(backendOf(portalHost, `/api/${service}/courses`)).toBe(`relais-${service}`);
    expect(routeFor(routes, portalHost, '/')?.listener).toMatchObject({
      protocol: 'HTTPS',
      hostname: portalHost,
    });
    // The API's own host stays the API's: no pages there.
    const others = routes.filter((route) => route.host !== portalHost);
    expect(others.length).toBeGreaterThan(0);
    expect(others.some((route) => route.backend === 'relais-portal')).toBe(false);
  });
});
