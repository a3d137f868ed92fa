import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS, repositoryRoot, SERVICES } from './support/paths';
import { OLDEST_SUPPORTED_KUBERNETES, policyViolations } from './support/policies';
import { ofKind, serviceDeployments, workloads, type KubernetesResource } from './support/resources';
import { schemaViolations } from './support/schema-validation';
import { readTopicsFile } from './support/topics-file';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];

  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
  }, FIRST_BUILD_TIMEOUT_MS);

  it('builds with kustomize, with a Deployment for each service of the registry', () => {
    expect(
      serviceDeployments(resources)
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(SERVICES.map((service) => `relais-${service}`).sort());
  });

  it('validates against the Kubernetes schemas and the operators’ CRD schemas', async () => {
    expect(await schemaViolations(resources)).toEqual([]);
  });

  it('passes every policy', () => {
    expect(policyViolations(resources, readTopicsFile())).toEqual([]);
  });

  it('puts everything in its namespace', () => {
    const namespace = ofKind(resources, 'Namespace')[0]?.metadata.name;
    expect(namespace).toBe(overlay === 'prod' ? 'relais' : 'relais-dev');
    const elsewhere = resources.filter((r) => r.kind !== 'Namespace' && r.metadata.namespace !== namespace);
    expect(elsewhere.map((r) => `${r.kind}/${r.metadata.name}`)).toEqual([]);
  });

  it('replaces every placeholder host with the environment’s own', () => {
    const text = JSON.stringify(resources);
    expect(text).not.toMatch(/relais\.invalid/);
    const configMaps = ofKind(resources, 'ConfigMap').filter(
      (c) => c.metadata.labels?.['app.kubernetes.io/component'] === 'api',
    );
    expect(configMaps).toHaveLength(SERVICES.length);
    for (const configMap of configMaps) {
      const data = configMap['data'] as Record<string, string>;
      expect(data['KEYCLOAK_URL']).toMatch(/^https:\/\/auth\./);
      expect(data['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://relais-otel-collector:4318');
    }
  });
});

it(
  'pins every production image by digest, the operators’ images included',
  () => {
    const resources = kustomizeBuild(join(k8sDirectory, 'overlays', 'prod'));
    const images = [
      ...workloads(resources).flatMap((workload) =>
        [
          ...(workload.spec.template.spec.initContainers ?? []),
          ...workload.spec.template.spec.containers,
        ].map((container) => container.image),
      ),
      ...ofKind(resources, 'Keycloak').map((keycloak) => (keycloak.spec as { image?: string }).image),
    ];
    expect(images.length).toBeGreaterThanOrEqual(7);
    expect(images.filter((image) => !/@sha256:[0-9a-f]{64}$/.test(String(image)))).toEqual([]);
  },
  FIRST_BUILD_TIMEOUT_MS,
);

it(
  'production runs at least three pods per service, development one, as the autoscalers’ floor',
  () => {
    const floors = (overlay: string) =>
      ofKind(kustomizeBuild(join(k8sDirectory, 'overlays', overlay)), 'HorizontalPodAutoscaler')
        .map((hpa) => (hpa.spec as { minReplicas?: number }).minReplicas)
        .sort();
    expect(floors('prod')).toEqual(SERVICES.map(() => 3));
    expect(floors('dev')).toEqual(SERVICES.map(() => 1));
  },
  FIRST_BUILD_TIMEOUT_MS,
);

it('claims the Kubernetes versions the policies check the manifests against', () => {
  // preStop sleep (the services' endpoint pause) needs 1.30: the runbook must not promise older clusters.
  const claim = /The cluster runs Kubernetes (\d+\.\d+) or later/.exec(
    readFileSync(join(repositoryRoot, 'docs/operations.md'), 'utf8'),
  );
  expect(claim?.[1]).toBe(OLDEST_SUPPORTED_KUBERNETES);
});
