import { join } from 'node:path';
import { admits, gatewayListeners, gatewayRoutes, routeFor, type Route } from './support/gateway-routes';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { ofKind, type KubernetesResource } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;
const KEYCLOAK = 'relais-keycloak-service';

describe.each(OVERLAYS)('the public edge of overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];
  let routes: Route[] = [];
  let hosts: string[] = [];

  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
    routes = gatewayRoutes(resources);
    hosts = [...new Set(routes.map((route) => route.host))];
  }, FIRST_BUILD_TIMEOUT_MS);

  const toKeycloak = (path: string) =>
    hosts.some((host) => routeFor(routes, host, path)?.backend === KEYCLOAK);

  it.each([
    '/realms/master/protocol/openid-connect/token',
    '/realms/master/protocol/openid-connect/auth',
    '/realms/master/account',
    '/admin/master/console/',
    '/admin/realms/relais/users',
    '/realms/relaisx/protocol/openid-connect/certs',
  ])('never routes %s to Keycloak, on any host', (path) => {
    expect(hosts.length).toBeGreaterThanOrEqual(3);
    expect(toKeycloak(path)).toBe(false);
  });

  it.each([
    '/realms/relais/protocol/openid-connect/certs',
    '/realms/relais/protocol/openid-connect/auth',
    '/realms/relais/protocol/openid-connect/token',
    '/realms/relais/.well-known/openid-configuration',
    '/resources/abc12/login/keycloak.v2/css/styles.css',
  ])('routes %s, which browsers and the services need', (path) => {
    expect(toKeycloak(path)).toBe(true);
  });

  it('is one Gateway of the Gateway API, served by Envoy Gateway, with no Ingress left', () => {
    expect(ofKind(resources, 'Ingress')).toEqual([]);
    const gateways = ofKind(resources, 'Gateway');
    expect(gateways.map((gateway) => `${gateway.apiVersion} ${gateway.metadata.name}`)).toEqual([
      'gateway.networking.k8s.io/v1 relais',
    ]);
    expect((gateways[0]?.spec as { gatewayClassName: string }).gatewayClassName).toBe('envoy-gateway');
  });

  it('serves every route over HTTPS with a certificate for its host; plain HTTP only redirects', () => {
    const listeners = gatewayListeners(resources, 'relais');
    for (const listener of listeners.filter((l) => l.protocol === 'HTTPS')) {
      expect(listener).toMatchObject({
        port: 443,
        hostname: expect.stringMatching(/^[a-z0-9.-]+$/),
        tls: { mode: 'Terminate', certificateRefs: [{ name: expect.stringMatching(/-tls$/) }] },
      });
    }
    expect(listeners.filter((l) => l.protocol !== 'HTTPS').map((l) => `${l.name} ${l.port}`)).toEqual([
      'http 80',
    ]);
    const plain = routes.filter((route) => route.listener.protocol === 'HTTP');
    expect(plain.length).toBeGreaterThan(0);
    expect(
      plain.filter((route) => route.backend !== undefined || !route.filters.includes('RequestRedirect')),
    ).toEqual([]);
    expect(
      routes.filter((route) => route.backend).every((route) => route.listener.protocol === 'HTTPS'),
    ).toBe(true);
  });

  it('keeps no access log at the edge (rule L2)', () => {
    const gateway = ofKind(resources, 'Gateway')[0]?.spec as {
      infrastructure?: { parametersRef?: { kind: string; name: string } };
    };
    const reference = gateway.infrastructure?.parametersRef;
    expect(reference?.kind).toBe('EnvoyProxy');
    const proxy = ofKind(resources, 'EnvoyProxy').find((p) => p.metadata.name === reference?.name);
    expect(proxy?.spec).toMatchObject({ telemetry: { accessLog: { disable: true } } });
  });
});

describe('the Gateway API path matching of this test', () => {
  const prefix = (path: string): Pick<Route, 'type' | 'path'> => ({ type: 'PathPrefix', path });

  it('matches PathPrefix element by element', () => {
    expect(admits(prefix('/realms/'), '/realms/master/account')).toBe(true);
    expect(admits(prefix('/realms/relais/'), '/realms/master/account')).toBe(false);
    expect(admits(prefix('/realms/relais'), '/realms/relais-other')).toBe(false);
    expect(admits({ type: 'Exact', path: '/a' }, '/a/b')).toBe(false);
  });

  it('prefers the longest prefix of a host, as the Gateway does', () => {
    const listener = { name: 'https', protocol: 'HTTPS' as const, port: 443 };
    const route = (path: string, backend: string): Route => ({
      route: backend,
      host: 'h',
      listener,
      type: 'PathPrefix',
      path,
      backend,
      filters: [],
    });
    const routes = [route('/', 'portal'), route('/api/stats', 'stats'), route('/api', 'api')];
    expect(routeFor(routes, 'h', '/api/stats/x')?.backend).toBe('stats');
    expect(routeFor(routes, 'h', '/api/other')?.backend).toBe('api');
    expect(routeFor(routes, 'h', '/page')?.backend).toBe('portal');
    expect(routeFor(routes, 'other', '/page')).toBeUndefined();
  });
});
