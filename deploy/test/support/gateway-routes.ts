import { ofKind, type KubernetesResource } from './resources';

/*
 * The public edge as the Gateway API (gateway.networking.k8s.io/v1) defines it: which backend a request
 * for a host and a path reaches, through the HTTPRoutes attached to the Gateway's listeners. Matching
 * follows the specification: PathPrefix matches whole path elements (/realms/relais matches
 * /realms/relais/… but not /realms/relaisx), a trailing slash of the prefix is ignored, Exact matches
 * the path itself; among the matches of a host, Exact wins over any prefix and a longer prefix over a
 * shorter one. Header, method and query matches are refused rather than misread.
 */

export interface Listener {
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';
  port: number;
  hostname?: string;
  tls?: { mode?: string; certificateRefs?: { name: string }[] };
}

interface PathMatch {
  path?: { type?: 'PathPrefix' | 'Exact' | 'RegularExpression'; value?: string };
  headers?: unknown[];
  queryParams?: unknown[];
  method?: string;
}

interface HttpRouteSpec {
  parentRefs: { name: string; sectionName?: string; kind?: string }[];
  hostnames?: string[];
  rules: {
    matches?: PathMatch[];
    filters?: { type: string }[];
    backendRefs?: { name: string; port?: number; kind?: string }[];
  }[];
}

export interface Route {
  /** The HTTPRoute's name. */
  route: string;
  host: string;
  listener: Listener;
  type: 'PathPrefix' | 'Exact';
  path: string;
  /** The Service the request goes to; undefined for a rule that only redirects. */
  backend?: string;
  port?: number;
  filters: string[];
}

export function gatewayListeners(resources: readonly KubernetesResource[], gateway: string): Listener[] {
  const found = ofKind(resources, 'Gateway').find((g) => g.metadata.name === gateway);
  return (found?.spec as { listeners?: Listener[] } | undefined)?.listeners ?? [];
}

/** A listener's hostname admits a route hostname: equal, or under a `*.` wildcard; none admits all. */
function hostAdmits(listenerHost: string | undefined, host: string): boolean {
  if (!listenerHost) return true;
  if (listenerHost.startsWith('*.')) return host.endsWith(listenerHost.slice(1));
  return listenerHost === host;
}

/** Every (host, match, backend) of the HTTPRoutes attached to the Gateway, one entry per listener. */
export function gatewayRoutes(resources: readonly KubernetesResource[], gateway = 'relais'): Route[] {
  const listeners = gatewayListeners(resources, gateway);
  return ofKind(resources, 'HTTPRoute').flatMap((httpRoute) => {
    const spec = httpRoute.spec as HttpRouteSpec;
    return spec.parentRefs
      .filter((parent) => parent.name === gateway && (parent.kind ?? 'Gateway') === 'Gateway')
      .flatMap((parent) =>
        listeners.filter((listener) => !parent.sectionName || listener.name === parent.sectionName),
      )
      .flatMap((listener) => {
        const hosts = (spec.hostnames ?? [listener.hostname ?? '*']).filter((host) =>
          hostAdmits(listener.hostname, host),
        );
        return hosts.flatMap((host) =>
          spec.rules.flatMap((rule) => {
            const matches = rule.matches ?? [{ path: { type: 'PathPrefix' as const, value: '/' } }];
            return matches.map((match): Route => {
              if (match.headers?.length || match.queryParams?.length || match.method)
                throw new Error(
                  `${httpRoute.metadata.name}: header, query and method matches are not evaluated`,
                );
              const type = match.path?.type ?? 'PathPrefix';
              if (type === 'RegularExpression')
                throw new Error(
                  `${httpRoute.metadata.name}: RegularExpression depends on the implementation`,
                );
              const backend = rule.backendRefs?.[0];
              return {
                route: httpRoute.metadata.name,
                host,
                listener,
                type,
                path: match.path?.value ?? '/',
                ...(backend
                  ? { backend: backend.name, ...(backend.port ? { port: backend.port } : {}) }
                  : {}),
                filters: (rule.filters ?? []).map((filter) => filter.type),
              };
            });
          }),
        );
      });
  });
}

/** Whether a match admits a request path, as the Gateway API defines PathPrefix and Exact. */
export function admits(match: Pick<Route, 'type' | 'path'>, requestPath: string): boolean {
  if (match.type === 'Exact') return match.path === requestPath;
  const prefix = match.path.split('/').filter(Boolean);
  const request = requestPath.split('/').filter(Boolean);
  return prefix.every((element, index) => request[index] === element);
}

/** The route that serves a request on a host over a listener protocol, as the Gateway would choose it. */
export function routeFor(
  routes: readonly Route[],
  host: string,
  requestPath: string,
  protocol: Listener['protocol'] = 'HTTPS',
): Route | undefined {
  const candidates = routes.filter(
    (route) => route.host === host && route.listener.protocol === protocol && admits(route, requestPath),
  );
  // The specification's precedence: an Exact match, then the largest number of characters in the path.
  const rank = (route: Route) => (route.type === 'Exact' ? Number.MAX_SAFE_INTEGER : route.path.length);
  return candidates.sort((a, b) => rank(b) - rank(a))[0];
}
