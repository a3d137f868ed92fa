import { join } from 'node:path';
import { gatewayRoutes, routeFor } from './support/gateway-routes';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { realmsOf } from './support/policies';
import { ofKind, workloads, type KubernetesResource } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;
const TOKEN_PATH = '/realms/relais/protocol/openid-connect/token';

interface TrafficPolicySpec {
  targetRefs: { kind: string; name: string }[];
  rateLimit?: {
    local?: {
      rules: {
        clientSelectors?: unknown[];
        limit: { requests: number; unit: 'Second' | 'Minute' | 'Hour' };
      }[];
    };
  };
}
const SECONDS = { Second: 1, Minute: 60, Hour: 3600 } as const;

interface PortalClient {
  clientId: string;
  publicClient: boolean;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  implicitFlowEnabled: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
}

/**
 * The realm as keycloak-config-cli applies it: the realm file of the overlay, with each `$(env:NAME)`
 * replaced by the realm job's environment, as the tool's variable substitution does.
 */
function realmOf(resources: KubernetesResource[]): Record<string, unknown> & { clients: PortalClient[] } {
  const [{ realm } = { realm: {} }] = realmsOf(resources);
  const job = workloads(resources).find((workload) => workload.metadata.name === 'relais-keycloak-realm');
  const env =
    (job?.spec.template.spec.containers[0] as { env?: { name: string; value?: string }[] }).env ?? [];
  const substituted = JSON.stringify(realm).replace(
    /\$\(env:([A-Z_]+)\)/g,
    (_match, name: string) => env.find((variable) => variable.name === name)?.value ?? `<${name} unset>`,
  );
  return JSON.parse(substituted) as Record<string, unknown> & { clients: PortalClient[] };
}

describe.each(OVERLAYS)('identity at the edge, overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];

  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
  }, FIRST_BUILD_TIMEOUT_MS);

  it('limits the token endpoint per client address, on the public auth host, and nothing else of it', () => {
    const routes = gatewayRoutes(resources);
    const authHost = new URL(
      (ofKind(resources, 'Keycloak')[0]?.spec as { hostname: { hostname: string } }).hostname.hostname,
    ).host;
    const token = routeFor(routes, authHost, TOKEN_PATH);
    expect(token?.backend).toBe('relais-keycloak-service');
    const limits = (route: string | undefined) =>
      ofKind(resources, 'BackendTrafficPolicy').filter((policy) =>
        (policy.spec as TrafficPolicySpec).targetRefs.some(
          (target) => target.kind === 'HTTPRoute' && target.name === route,
        ),
      );

    const [policy, ...others] = limits(token?.route);
    expect(others).toEqual([]);
    const rules = (policy?.spec as TrafficPolicySpec).rateLimit?.local?.rules ?? [];
    expect(rules).toHaveLength(1);
    // One bucket per client address, over every address.
    expect(rules[0]?.clientSelectors).toEqual([{ sourceCIDR: { type: 'Distinct', value: '0.0.0.0/0' } }]);
    const perSecond = (rules[0]?.limit.requests ?? 0) / SECONDS[rules[0]?.limit.unit ?? 'Hour'];
    expect(perSecond).toBeGreaterThan(0);
    expect(perSecond).toBeLessThanOrEqual(10);
    // Signing in, the keys and the pages are not limited by it: they are other routes.
    const signIn = routeFor(routes, authHost, '/realms/relais/protocol/openid-connect/auth');
    expect(signIn?.route).not.toBe(token?.route);
    expect(limits(signIn?.route).some((p) => (p.spec as TrafficPolicySpec).rateLimit)).toBe(false);
  });

  it('signs people in to the portal with the code flow and PKCE only: no password grant', () => {
    const realm = realmOf(resources);
    const portal = realm.clients.find((client) => client.clientId === 'relais-portal');

    expect(portal).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      implicitFlowEnabled: false,
      webOrigins: ['+'],
      attributes: expect.objectContaining({ 'pkce.code.challenge.method': 'S256' }),
    });
    expect(portal?.redirectUris).toEqual([expect.stringMatching(/^https:\/\/portal\.[a-z0-9.-]+\/\*$/)]);
    expect(portal?.attributes['post.logout.redirect.uris']).toBe(portal?.redirectUris[0]);
    expect(realm.clients.filter((client) => client.directAccessGrantsEnabled)).toEqual([]);
  });

  it('turns on brute-force detection with a temporary, growing lockout', () => {
    expect(realmOf(resources)).toMatchObject({
      bruteForceProtected: true,
      permanentLockout: false,
      failureFactor: 5,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 900,
    });
  });
});
