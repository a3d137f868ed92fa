import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { services, type ServiceEntry } from '@relais/host/registry';
import { formattedServiceManifests } from '../../scripts/deploy/service-manifests';
import { kustomizeBuild } from './support/kustomize';
import { repositoryRoot } from './support/paths';
import { policyViolations } from './support/policies';
import { ofKind, type KubernetesResource } from './support/resources';
import { readTopicsFile } from './support/topics-file';

const FIRST_BUILD_TIMEOUT_MS = 300_000;

const committed = (root: string) => (path: string) =>
  existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';

it('the committed manifests are what the registry generates (else: npm run deploy:services)', async () => {
  const stale = [...(await formattedServiceManifests(services, committed(repositoryRoot)))]
    .filter(([path, text]) => committed(repositoryRoot)(path) !== text)
    .map(([path]) => path);
  expect(stale).toEqual([]);
});

describe('a sixth service added to the registry', () => {
  const notices: ServiceEntry = {
    name: 'notices',
    port: 8085,
    writes: [],
    reads: ['enrollment.events.v1'],
    secretEnv: { NOTICES_KEY: 'relais-notices-key' },
  };
  let copy = '';
  let resources: KubernetesResource[] = [];
  const named = (kind: string, name: string) =>
    ofKind(resources, kind).find((resource) => resource.metadata.name === name);

  beforeAll(async () => {
    // A copy of deploy/k8s with the generated files of the six, and what the service writes itself
    // (docs/adding-a-service.md): its settings and kustomization.yaml, here progress's renamed.
    copy = mkdtempSync(join(tmpdir(), 'relais-sixth-'));
    cpSync(join(repositoryRoot, 'deploy/k8s'), join(copy, 'deploy/k8s'), { recursive: true });
    cpSync(join(repositoryRoot, 'deploy/k8s/base/progress'), join(copy, 'deploy/k8s/base/notices'), {
      recursive: true,
    });
    const generated = await formattedServiceManifests([...services, notices], committed(copy));
    for (const [path, text] of generated) writeFileSync(join(copy, path), text);
    for (const file of ['kustomization.yaml', 'config.env']) {
      const path = join(copy, 'deploy/k8s/base/notices', file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll('progress', 'notices'));
    }
    resources = kustomizeBuild(join(copy, 'deploy/k8s/overlays/dev'));
  }, FIRST_BUILD_TIMEOUT_MS);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('gets its Deployment, on its port, with its secrets, image and Service', () => {
    const container = (
      named('Deployment', 'relais-notices') as {
        spec: { template: { spec: { containers: Record<string, unknown>[] } } };
      }
    ).spec.template.spec.containers[0];
    expect(container?.['image']).toBe('registry.relais-dev.example.org/relais/notices:0.1.0');
    expect(container?.['ports']).toEqual([{ name: 'http', containerPort: 8085 }]);
    expect(container?.['env']).toContainEqual({
      name: 'NOTICES_KEY',
      valueFrom: { secretKeyRef: { name: 'relais-notices-key', key: 'key' } },
    });
    expect(named('Service', 'relais-notices')?.['spec']).toMatchObject({ ports: [{ port: 8085 }] });
  });

  it('is routed at /api/<name> by the Gateway', () => {
    const rules = (named('HTTPRoute', 'relais-api')?.['spec'] as { rules: unknown[] }).rules;
    expect(rules).toContainEqual({
      matches: [{ path: { type: 'PathPrefix', value: '/api/notices' } }],
      backendRefs: [{ name: 'relais-notices', port: 8085 }],
    });
  });

  it('gets its network policy, Kafka user and MongoDB user, and passes every policy', () => {
    expect(named('NetworkPolicy', 'relais-notices')).toBeDefined();
    expect(JSON.stringify(named('KafkaUser', 'relais-notices'))).toContain('"name":"notices."');
    const mongo = named('PerconaServerMongoDB', 'relais-mongodb')?.['spec'] as { users: { name: string }[] };
    expect(mongo.users.map((user) => user.name)).toContain('relais-notices');
    expect(policyViolations(resources, readTopicsFile())).toEqual([]);
  });
});

it('keeps the digests a release wrote into the prod overlay, whatever layout kustomize edit left', async () => {
  const digest = `sha256:${'1'.repeat(64)}`;
  // As `kustomize edit set image` writes it: keys sorted, lists unindented, comments gone.
  const edited = `apiVersion: kustomize.config.k8s.io/v1alpha1\nimages:\n- digest: ${digest}\n  name: relais-stats\n  newName: registry.relais.example.org/relais/stats\n  newTag: 0.1.0\nkind: Component\n`;
  const path = 'deploy/k8s/overlays/prod/service-images/kustomization.yaml';
  const regenerated = (
    await formattedServiceManifests(services, (file) => (file === path ? edited : ''))
  ).get(path);
  expect(regenerated).toContain(
    `name: relais-stats\n    newName: registry.relais.example.org/relais/stats\n    newTag: 0.1.0\n    digest: ${digest}\n`,
  );
  expect(regenerated).toContain(
    `name: relais-feedback\n    newName: registry.relais.example.org/relais/feedback\n    newTag: 0.1.0\n    digest: sha256:${'0'.repeat(64)}\n`,
  );
});

it('gives each service the settings its registry entry implies: its port, database, Kafka user, audience', () => {
  const configMaps = ofKind(kustomizeBuild(join(repositoryRoot, 'deploy/k8s/overlays/dev')), 'ConfigMap');
  for (const { name, port } of services) {
    const data = configMaps.find(
      ({ metadata }) =>
        metadata.labels?.['app.kubernetes.io/name'] === `relais-${name}` &&
        metadata.labels['app.kubernetes.io/component'] === 'api',
    )?.['data'];
    expect({ name, data }).toEqual({
      name,
      data: expect.objectContaining({
        PORT: String(port),
        MONGO_DB: `relais-${name}`,
        KAFKA_SASL_USERNAME: `relais-${name}`,
        KEYCLOAK_AUDIENCE: `relais-${name}`,
        OTEL_SERVICE_NAME: `relais-${name}`,
      }),
    });
  }
});
