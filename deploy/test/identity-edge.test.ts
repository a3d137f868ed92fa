import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { realmsOf } from './support/policies';
import { ofKind, workloads, type KubernetesResource } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;
const TOKEN_PATH = '/realms/relais/protocol/openid-connect/token';

interface IngressSpec {
  rules: { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
}

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

  it('limits the token endpoint per client address, on the public auth host', () => {
    const ingresses = ofKind(resources, 'Ingress');
    const authHost = (ingresses.find((i) => i.metadata.name === 'relais-keycloak')?.spec as IngressSpec)
      .rules[0]?.host;
    const limited = ingresses.filter((ingress) =>
      (ingress.spec as IngressSpec).rules.some(
        (rule) =>
          rule.host === authHost &&
          rule.http.paths.some(
            (path) => path.path === TOKEN_PATH && path.backend.service.name === 'relais-keycloak-service',
          ),
      ),
    );

    expect(limited).toHaveLength(1);
    const annotations =
      (limited[0]?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations ?? {};
    expect(Number(annotations['nginx.ingress.kubernetes.io/limit-rps'])).toBeGreaterThan(0);
    expect(Number(annotations['nginx.ingress.kubernetes.io/limit-rps'])).toBeLessThanOrEqual(10);
    expect(annotations['nginx.ingress.kubernetes.io/enable-access-log']).toBe('false');
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
