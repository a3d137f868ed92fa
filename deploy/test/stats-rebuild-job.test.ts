import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import type { KafkaAcl } from './support/operator-schemas';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { policyViolations } from './support/policies';
import {
  ofKind,
  selects,
  serviceDeployments,
  type KubernetesResource,
  type Workload,
} from './support/resources';
import { schemaViolations } from './support/schema-validation';
import { readStatsRebuildJob } from './support/stats-rebuild-job';
import { readTopicsFile } from './support/topics-file';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

type Labels = Record<string, string>;
interface Peer {
  podSelector?: { matchLabels?: Labels };
  namespaceSelector?: unknown;
}
interface Rule {
  to?: Peer[];
  from?: Peer[];
  ports?: { port?: number }[];
}
interface NetworkPolicySpec {
  podSelector: { matchLabels?: Labels };
  ingress?: Rule[];
  egress?: Rule[];
}

/** The labels Strimzi gives the broker pods, and the MongoDB operator the replica set's. */
const KAFKA_BROKER = {
  'strimzi.io/cluster': 'relais-kafka',
  'strimzi.io/kind': 'Kafka',
  'strimzi.io/name': 'relais-kafka-kafka',
  'strimzi.io/pool-name': 'brokers',
};
const MONGODB_MEMBER = {
  'app.kubernetes.io/name': 'percona-server-mongodb',
  'app.kubernetes.io/instance': 'relais-mongodb',
  'app.kubernetes.io/component': 'mongod',
};

/** A rule that admits a pod of this namespace with `labels` on `port`. */
function admits(rules: Rule[] | undefined, peers: 'to' | 'from', labels: Labels, port: number): boolean {
  return (rules ?? []).some(
    (rule) =>
      (rule.ports ?? []).some((allowed) => allowed.port === port) &&
      (rule[peers] ?? []).some((peer) => !peer.namespaceSelector && selects(peer.podSelector, labels)),
  );
}

function policiesOf(resources: readonly KubernetesResource[], labels: Labels): NetworkPolicySpec[] {
  return ofKind(resources, 'NetworkPolicy')
    .map((policy) => policy.spec as NetworkPolicySpec)
    .filter((spec) => Object.keys(spec.podSelector.matchLabels ?? {}).length > 0)
    .filter((spec) => selects(spec.podSelector, labels));
}

/** Whether the network policies let a pod with `from` labels open `port` on a pod with `to` labels. */
function connects(resources: readonly KubernetesResource[], from: Labels, to: Labels, port: number): boolean {
  return (
    policiesOf(resources, from).some((spec) => admits(spec.egress, 'to', to, port)) &&
    policiesOf(resources, to).some((spec) => admits(spec.ingress, 'from', from, port))
  );
}

/** Strimzi writes the brokers' ingress policy itself, from the listener's networkPolicyPeers. */
function kafkaListenerAdmits(resources: readonly KubernetesResource[], labels: Labels): boolean {
  const listeners = ofKind(resources, 'Kafka').flatMap(
    (kafka) =>
      (kafka.spec as { kafka: { listeners: { port: number; networkPolicyPeers?: Peer[] }[] } }).kafka
        .listeners,
  );
  return listeners.some(
    (listener) =>
      listener.port === 9093 &&
      (listener.networkPolicyPeers ?? []).some(
        (peer) => !peer.namespaceSelector && selects(peer.podSelector, labels),
      ),
  );
}

const job = readStatsRebuildJob();
const pod = job.spec.template;
const container = pod.spec.containers[0];

describe('deploy/k8s/jobs/stats-rebuild.yaml', () => {
  it('validates against the Kubernetes schema', async () => {
    expect(await schemaViolations([job])).toEqual([]);
  });

  it('runs the rebuild command of the stats image, with few retries, and is cleaned up once ended', () => {
    const spec = job.spec as { backoffLimit?: number; ttlSecondsAfterFinished?: number };
    expect(pod.spec.containers).toHaveLength(1);
    // docs/operations.md §5 gives it the Deployment's image by this name (kubectl set image).
    expect(container?.name).toBe('rebuild');
    expect(container?.image).toMatch(/^relais-stats:/);
    expect((container as { command?: string[] } | undefined)?.command).toEqual(['node', 'rebuild.mjs']);
    expect((pod.spec as { restartPolicy?: string }).restartPolicy).toBe('Never');
    expect(spec.backoffLimit).toBeLessThanOrEqual(2);
    expect(spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expect(spec.ttlSecondsAfterFinished).toBeLessThanOrEqual(7 * 24 * 3600);
  });

  it('names no namespace, so that `kubectl -n <namespace> create` places it', () => {
    expect(job.metadata.namespace).toBeUndefined();
  });
});

describe.each(OVERLAYS)('the stats rebuild Job beside overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];
  let stats: Workload | undefined;

  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
    stats = serviceDeployments(resources).find((deployment) => deployment.metadata.name === 'relais-stats');
  }, FIRST_BUILD_TIMEOUT_MS);

  it('is not deployed with the overlay: a Job there would rebuild at every deploy', () => {
    const scheduled = [...ofKind(resources, 'Job'), ...ofKind(resources, 'CronJob')];
    // The realm configuration CronJob is deployed on purpose (components/keycloak); no rebuild is.
    expect(scheduled.map((resource) => resource.metadata.name)).toEqual(['relais-keycloak-realm']);
  });

  it('passes every policy, as the services do', () => {
    expect(policyViolations([...resources, job], readTopicsFile())).toEqual([]);
  });

  it('fails the policies without a NetworkPolicy of its own', () => {
    const withoutItsPolicy = resources.filter(
      (resource) => !(resource.kind === 'NetworkPolicy' && resource.metadata.name === 'relais-stats-rebuild'),
    );
    expect(policyViolations([...withoutItsPolicy, job], readTopicsFile())).toEqual([
      'Job/relais-stats-rebuild has no NetworkPolicy of its own',
    ]);
  });

  it('runs as the stats pods do: same account, secrets, Kafka CA and hardening', () => {
    type Spec = Record<string, unknown> & { containers: Record<string, unknown>[] };
    const service = stats?.spec.template.spec as unknown as Spec | undefined;
    const rebuild = pod.spec as unknown as Spec;
    for (const field of ['serviceAccountName', 'automountServiceAccountToken', 'securityContext', 'volumes'])
      expect({ field, value: rebuild[field] }).toEqual({ field, value: service?.[field] });
    for (const field of ['env', 'securityContext', 'volumeMounts'])
      expect({ field, value: rebuild.containers[0]?.[field] }).toEqual({
        field,
        value: service?.containers[0]?.[field],
      });
  });

  it('reads the stats service’s connection settings from a ConfigMap the overlay deploys under a fixed name', () => {
    const configMaps = ofKind(resources, 'ConfigMap');
    const [reference] = (container as { envFrom?: { configMapRef?: { name: string } }[] }).envFrom ?? [];
    const rebuild = configMaps.find((configMap) => configMap.metadata.name === reference?.configMapRef?.name);
    const serviceName = (
      stats?.spec.template.spec.containers[0] as { envFrom?: { configMapRef?: { name: string } }[] }
    ).envFrom?.[0]?.configMapRef?.name;
    const service = configMaps.find((configMap) => configMap.metadata.name === serviceName);
    const settings = rebuild?.['data'] as Record<string, string> | undefined;
    expect(Object.keys(settings ?? {}).sort()).toEqual(
      ['KAFKA_BROKERS', 'KAFKA_SASL_USERNAME', 'KAFKA_SSL', 'MONGO_DB', 'NODE_EXTRA_CA_CERTS'].sort(),
    );
    expect(service?.['data']).toEqual(expect.objectContaining(settings));
  });

  it('may delete the consumer groups of a rebuild with the stats Kafka user, and no live group', () => {
    const user = ofKind(resources, 'KafkaUser').find((u) => u.metadata.name === 'relais-stats');
    const acls = (user?.spec as { authorization: { acls: KafkaAcl[] } }).authorization.acls;
    const deletable = (group: string) =>
      acls.some(
        (acl) =>
          acl.resource.type === 'group' &&
          (acl.type ?? 'allow') === 'allow' &&
          acl.operations.some((operation) => operation === 'Delete' || operation === 'All') &&
          (acl.resource.patternType === 'prefix'
            ? group.startsWith(String(acl.resource.name))
            : group === acl.resource.name),
      );
    // services/stats/src/rebuild.ts: groups `stats.rebuild-<time>.<facts>`, the live ones `stats.<facts>`.
    expect(deletable('stats.rebuild-1767225600000.enrollment-facts')).toBe(true);
    expect(deletable('stats.rebuild-1767225600000.feedback-facts')).toBe(true);
    expect(deletable('stats.enrollment-facts')).toBe(false);
    expect(deletable('stats.feedback-facts')).toBe(false);
  });

  it('takes no traffic and no disruption budget of the stats service', () => {
    const labels = pod.metadata?.labels;
    const service = ofKind(resources, 'Service').find((s) => s.metadata.name === 'relais-stats');
    const budget = ofKind(resources, 'PodDisruptionBudget').find((b) => b.metadata.name === 'relais-stats');
    expect(selects({ matchLabels: (service?.spec as { selector: Labels }).selector }, labels)).toBe(false);
    expect(selects((budget?.spec as { selector: { matchLabels: Labels } }).selector, labels)).toBe(false);
  });

  it('reaches the Kafka listener and MongoDB, as the stats service does, and accepts no connection', () => {
    const labels = pod.metadata?.labels ?? {};
    for (const client of [stats?.spec.template.metadata?.labels ?? {}, labels]) {
      expect(
        policiesOf(resources, client).some((spec) => admits(spec.egress, 'to', KAFKA_BROKER, 9093)),
      ).toBe(true);
      expect(kafkaListenerAdmits(resources, client)).toBe(true);
      expect(connects(resources, client, MONGODB_MEMBER, 27017)).toBe(true);
    }
    expect(policiesOf(resources, labels).flatMap((spec) => spec.ingress ?? [])).toEqual([]);
  });
});
