import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { ofKind, type KubernetesResource } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

interface HttpPath {
  path: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  backend: { service: { name: string } };
}
interface IngressSpec {
  rules: { host: string; http: { paths: HttpPath[] } }[];
}

/** Whether an Ingress path admits a request path, as networking.k8s.io/v1 defines Prefix and Exact. */
function admits(rule: HttpPath, requestPath: string): boolean {
  if (rule.pathType === 'Exact') return rule.path === requestPath;
  if (rule.pathType !== 'Prefix')
    throw new Error(`pathType ${rule.pathType} depends on the controller: use Prefix or Exact`);
  // Prefix matches element by element: /realms/relais matches /realms/relais/… but not /realms/relaisx.
  const prefix = rule.path.split('/').filter(Boolean);
  const request = requestPath.split('/').filter(Boolean);
  return prefix.every((element, index) => request[index] === element);
}

/** Every (host, path) the public Ingresses send to Keycloak. */
function keycloakRoutes(resources: readonly KubernetesResource[]): { host: string; rule: HttpPath }[] {
  return ofKind(resources, 'Ingress').flatMap((ingress) =>
    (ingress.spec as IngressSpec).rules.flatMap((rule) =>
      rule.http.paths
        .filter((path) => path.backend.service.name === 'relais-keycloak-service')
        .map((path) => ({ host: rule.host, rule: path })),
    ),
  );
}

describe.each(OVERLAYS)('the public edge of overlay %s', (overlay) => {
  let routes: { host: string; rule: HttpPath }[] = [];

  beforeAll(() => {
    routes = keycloakRoutes(kustomizeBuild(join(k8sDirectory, 'overlays', overlay)));
  }, FIRST_BUILD_TIMEOUT_MS);

  const reachable = (path: string) => routes.some(({ rule }) => admits(rule, path));

  it.each([
    '/realms/master/protocol/openid-connect/token',
    '/realms/master/protocol/openid-connect/auth',
    '/realms/master/account',
    '/admin/master/console/',
    '/admin/realms/relais/users',
    '/realms/relaisx/protocol/openid-connect/certs',
  ])('never routes %s to Keycloak', (path) => {
    expect(reachable(path)).toBe(false);
  });

  it.each([
    '/realms/relais/protocol/openid-connect/certs',
    '/realms/relais/protocol/openid-connect/auth',
    '/realms/relais/protocol/openid-connect/token',
    '/realms/relais/.well-known/openid-configuration',
    '/resources/abc12/login/keycloak.v2/css/styles.css',
  ])('routes %s, which browsers and the services need', (path) => {
    expect(reachable(path)).toBe(true);
  });
});

describe('the Ingress path matching of this test', () => {
  it('matches Prefix paths element by element', () => {
    const rule = (path: string): HttpPath => ({
      path,
      pathType: 'Prefix',
      backend: { service: { name: 'x' } },
    });
    expect(admits(rule('/realms/'), '/realms/master/account')).toBe(true);
    expect(admits(rule('/realms/relais/'), '/realms/master/account')).toBe(false);
    expect(admits(rule('/realms/relais'), '/realms/relais-other')).toBe(false);
  });
});
