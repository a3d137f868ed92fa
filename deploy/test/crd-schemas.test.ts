import { join } from 'node:path';
import { CRD_SOURCES, crdSchemas, moduleDirectory } from './support/crd-schemas';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { ofKind, type KubernetesResource } from './support/resources';
import { schemaViolations } from './support/schema-validation';
import { strimziSchemaErrors } from './support/strimzi-schemas';

// The first run on a machine compiles kustomize and downloads the CRDs' Go modules (about 15 MB).
const FIRST_BUILD_TIMEOUT_MS = 300_000;

const prod = (): KubernetesResource[] => kustomizeBuild(join(k8sDirectory, 'overlays', 'prod'));

/** A copy of the resource with the fields at the dotted paths (array indexes included) set. */
function withFields(resource: KubernetesResource, fields: Record<string, unknown>): KubernetesResource {
  const changed = structuredClone(resource);
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    let node = changed as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1] ?? ''] = value;
  }
  return changed;
}

describe.each(OVERLAYS)('the custom resources of overlay %s', (overlay) => {
  it(
    'are checked against the CRDs their operators publish, for every operator that publishes them',
    async () => {
      const resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
      const checked: string[] = [];
      for (const resource of resources) {
        const published =
          crdSchemas().has(`${resource.apiVersion} ${resource.kind}`) ||
          (await strimziSchemaErrors(resource)) !== undefined;
        if (published) checked.push(resource.kind);
      }
      expect([...new Set(checked)].sort()).toEqual(
        [
          'BackendTrafficPolicy',
          'EnvoyProxy',
          'Gateway',
          'HTTPRoute',
          'Kafka',
          'KafkaNodePool',
          'KafkaTopic',
          'KafkaUser',
          'PerconaServerMongoDB',
        ].sort(),
      );
    },
    FIRST_BUILD_TIMEOUT_MS,
  );
});

describe('validation against the published CRDs', () => {
  let resources: KubernetesResource[] = [];
  beforeAll(() => {
    resources = prod();
  }, FIRST_BUILD_TIMEOUT_MS);
  const one = (kind: string, name?: string): KubernetesResource => {
    const found = ofKind(resources, kind).find((resource) => !name || resource.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name ?? ''} in the prod overlay`);
    return found;
  };

  it('names the mistakes in a PerconaServerMongoDB and the CRD that found them', async () => {
    const mongo = withFields(one('PerconaServerMongoDB'), {
      'spec.backup.enabled': 'yes',
      'spec.backup.pitr.oplogSpanMinutes': 10,
      'spec.replsets.0.size': '3',
    });

    const [violation, ...others] = await schemaViolations([mongo]);

    expect(others).toEqual([]);
    expect(violation).toMatch(
      /^PerconaServerMongoDB\/relais-mongodb does not match its CRD schema \(github\.com\/percona\/percona-server-mongodb-operator@v1\.22\.0 deploy\/crd\.yaml\)/,
    );
    expect(violation).toMatch(/spec\.backup\.enabled: must be boolean/);
    expect(violation).toMatch(/spec\.backup\.pitr: must NOT have additional properties \(oplogSpanMinutes\)/);
    expect(violation).toMatch(/spec\.replsets\.0\.size: must be integer/);
  });

  it('accepts what the operator accepts, beyond the fields a hand-written schema listed', async () => {
    const mongo = withFields(one('PerconaServerMongoDB'), {
      'spec.backup.pitr.oplogOnly': false,
      'spec.replsets.0.configuration': 'operationProfiling:\n  mode: slowOp\n',
    });
    expect(await schemaViolations([mongo])).toEqual([]);
  });

  it('names a mistake in an HTTPRoute and in an Envoy Gateway policy', async () => {
    const route = withFields(one('HTTPRoute', 'relais-keycloak'), {
      'spec.rules.0.matches.0.path.type': 'Prefix',
    });
    const policy = withFields(one('BackendTrafficPolicy', 'relais-keycloak-token'), {
      'spec.rateLimit.local.rules.0.limit.unit': 'Minutes',
    });

    const violations = await schemaViolations([route, policy]);

    expect(violations).toEqual([
      expect.stringMatching(
        /^HTTPRoute\/relais-keycloak does not match its CRD schema \(sigs\.k8s\.io\/gateway-api@v1\.4\.1 .*\): spec\.rules\.0\.matches\.0\.path\.type: must be equal to one of the allowed values \(Exact, PathPrefix, RegularExpression\)/,
      ),
      expect.stringMatching(
        /^BackendTrafficPolicy\/relais-keycloak-token does not match its CRD schema \(github\.com\/envoyproxy\/gateway@v1\.7\.0 .*\): spec\.rateLimit\.local\.rules\.0\.limit\.unit: must be equal to one of the allowed values/,
      ),
    ]);
  });

  it("names the mistakes in Strimzi's resources and the CRDs that found them", async () => {
    const kafka = one('Kafka');
    const { listeners, ...kafkaWithoutListeners } = (kafka.spec as { kafka: Record<string, unknown> }).kafka;
    const misspelt = withFields(kafka, { 'spec.kafka': { ...kafkaWithoutListeners, listners: listeners } });
    const pool = withFields(one('KafkaNodePool'), { 'spec.replicas': '3', 'spec.roles.1': 'brokers' });

    const violations = await schemaViolations([misspelt, pool]);

    expect(violations).toEqual([
      expect.stringMatching(
        /^Kafka\/relais-kafka does not match its CRD schema \(@kubernetes-models\/strimzi-kafka-operator@1\.0\.1, Strimzi 1\.0\.0 CRDs\): spec\.kafka: must have required property listeners$/,
      ),
      expect.stringMatching(
        /^KafkaNodePool\/brokers does not match its CRD schema \(@kubernetes-models\/strimzi-kafka-operator@1\.0\.1, .*\): .*spec\.replicas: must be integer/,
      ),
    ]);
    expect(violations[1]).toMatch(
      /spec\.roles\.1: must be equal to one of the allowed values \(controller, broker\)/,
    );
  });

  it("refuses an unknown field in a Strimzi resource, which Strimzi's CRD lets through", async () => {
    const kafka = withFields(one('Kafka'), { 'spec.kafka.metricConfig': { type: 'jmxPrometheusExporter' } });

    expect(await strimziSchemaErrors(kafka)).toEqual([]);
    expect(await schemaViolations([kafka])).toEqual([
      expect.stringMatching(
        /^Kafka\/relais-kafka does not match its hand-written schema \(operator-schemas\.ts\): .*metricConfig/,
      ),
    ]);
  });

  it('refuses a module whose checksum is not the pinned one', () => {
    const [percona] = CRD_SOURCES;
    expect(() =>
      moduleDirectory({ ...percona!, sum: 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }),
    ).toThrow(/has checksum h1:7iLJ.*, not the pinned h1:AAAA/);
  });
});
