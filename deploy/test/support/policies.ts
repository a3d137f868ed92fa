import { gatewayRoutes } from './gateway-routes';
import type { KafkaAcl } from './operator-schemas';
import {
  resourceId,
  ofKind,
  selects,
  serviceDeployments,
  serviceName,
  workloads,
  type Container,
  type KubernetesResource,
  type PodSpec,
  type Workload,
} from './resources';
import { parse as parseYaml } from 'yaml';
import { allContracts } from '@relais/contracts';
import { serviceNames, services } from '../../../libs/host/src/service-registry';
import type { TopicSpec } from '@relais/bus';

/** libs/host: a service stops within 10 s of SIGTERM. */
const SHUTDOWN_BUDGET_SECONDS = 10;
const WRITE_OPERATIONS = new Set(['Write', 'Create', 'Delete', 'Alter', 'AlterConfigs', 'All']);
const READ_OPERATIONS = new Set(['Read', 'All']);

type Policy = (resources: readonly KubernetesResource[], topics: readonly TopicSpec[]) => string[];

function isPinned(image: string | undefined): boolean {
  if (!image) return false;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return tag !== undefined && tag !== 'latest';
}

function allContainers(pod: PodSpec): Container[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

const imagesArePinned: Policy = (resources) => {
  const violations: string[] = [];
  for (const workload of workloads(resources)) {
    for (const container of allContainers(workload.spec.template.spec)) {
      if (!isPinned(container.image)) {
        violations.push(
          `${resourceId(workload)}: container ${container.name} image "${container.image}" is not pinned (latest or no tag)`,
        );
      }
    }
  }
  for (const keycloak of ofKind(resources, 'Keycloak')) {
    const image = (keycloak.spec as { image?: string }).image;
    if (!isPinned(image)) violations.push(`${resourceId(keycloak)}: image "${image}" is not pinned`);
  }
  return violations;
};

const containersAreHardened: Policy = (resources) => {
  const violations: string[] = [];
  for (const workload of workloads(resources)) {
    const pod = workload.spec.template.spec;
    for (const container of allContainers(pod)) {
      const where = `${resourceId(workload)}: container ${container.name}`;
      const context = container.securityContext ?? {};
      const runAsNonRoot = context.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
      const runAsUser = context.runAsUser ?? pod.securityContext?.runAsUser;
      if (runAsNonRoot !== true || runAsUser === 0) violations.push(`${where} may run as root`);
      if (context.allowPrivilegeEscalation !== false) violations.push(`${where} allows privilege escalation`);
      if (context.readOnlyRootFilesystem !== true) violations.push(`${where} has a writable root filesystem`);
      if (!context.capabilities?.drop?.includes('ALL')) violations.push(`${where} keeps Linux capabilities`);
    }
  }
  return violations;
};

/** Whether Kubernetes keeps it running; a Job's container is meant to end, so probes would only kill it. */
function isLongRunning(workload: Workload): boolean {
  return workload.kind !== 'Job' && workload.kind !== 'CronJob';
}

const containersHaveResourcesAndProbes: Policy = (resources) => {
  const violations: string[] = [];
  for (const workload of workloads(resources)) {
    for (const container of workload.spec.template.spec.containers) {
      const where = `${resourceId(workload)}: container ${container.name}`;
      for (const bound of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory']) {
          if (container.resources?.[bound]?.[resource] === undefined) {
            violations.push(`${where} has no ${resource} ${bound === 'limits' ? 'limit' : 'request'}`);
          }
        }
      }
      if (!isLongRunning(workload)) continue;
      if (!container.livenessProbe) violations.push(`${where} has no liveness probe`);
      if (!container.readinessProbe) violations.push(`${where} has no readiness probe`);
    }
  }
  return violations;
};

const servicesTerminateGracefully: Policy = (resources) =>
  serviceDeployments(resources).flatMap((deployment) => {
    const pod = deployment.spec.template.spec;
    const preStop = Math.max(0, ...pod.containers.map((c) => c.lifecycle?.preStop?.sleep?.seconds ?? 0));
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    return grace > preStop + SHUTDOWN_BUDGET_SECONDS
      ? []
      : [
          `${resourceId(deployment)}: terminationGracePeriodSeconds ${grace} leaves no room for the ${preStop} s pause and the ${SHUTDOWN_BUDGET_SECONDS} s shutdown`,
        ];
  });

function servesHealthProbes(deployment: Workload): boolean {
  const container = deployment.spec.template.spec.containers[0];
  const path = (probe: unknown) => (probe as { httpGet?: { path?: string } } | undefined)?.httpGet?.path;
  return path(container?.livenessProbe) === '/healthz' && path(container?.readinessProbe) === '/readyz';
}

/** What the issue asks of each service besides its Deployment, and probes on the service's own routes. */
const servicesHaveTheirCompanions: Policy = (resources) =>
  serviceDeployments(resources).flatMap((deployment) => {
    const name = deployment.metadata.name;
    const labels = deployment.spec.template.metadata?.labels;
    const missing: string[] = [];
    if (!servesHealthProbes(deployment)) missing.push('probes on /healthz and /readyz');
    if (
      !ofKind(resources, 'Service').some((s) =>
        selects({ matchLabels: (s.spec as { selector?: Record<string, string> }).selector }, labels),
      )
    )
      missing.push('a Service');
    const account = deployment.spec.template.spec.serviceAccountName;
    if (!account || !ofKind(resources, 'ServiceAccount').some((a) => a.metadata.name === account))
      missing.push('a ServiceAccount');
    if (
      !ofKind(resources, 'HorizontalPodAutoscaler').some(
        (hpa) => (hpa.spec as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name === name,
      )
    )
      missing.push('a HorizontalPodAutoscaler');
    if (
      !ofKind(resources, 'PodDisruptionBudget').some((pdb) =>
        selects((pdb.spec as { selector?: { matchLabels?: Record<string, string> } }).selector, labels),
      )
    )
      missing.push('a PodDisruptionBudget');
    return missing.map((what) => `${resourceId(deployment)} has no ${what}`);
  });

const gatewayRoutesEveryService: Policy = (resources) => {
  const routes = gatewayRoutes(resources);
  return serviceDeployments(resources).flatMap((deployment) => {
    const service = serviceName(deployment);
    return routes.some(
      (route) =>
        route.type === 'PathPrefix' &&
        route.path === `/api/${service}` &&
        route.backend === deployment.metadata.name &&
        route.listener.protocol === 'HTTPS',
    )
      ? []
      : [`${resourceId(deployment)}: no HTTPRoute of the Gateway routes /api/${service} to it over HTTPS`];
  });
};

const secretsAreNeverCommitted: Policy = (resources) =>
  ofKind(resources, 'Secret').map(
    (secret) =>
      `${resourceId(secret)}: secrets are referenced, never committed (docs/operations.md lists them)`,
  );

interface NetworkPolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: unknown[];
  egress?: { to?: unknown[]; ports?: unknown[] }[];
}

const networkIsDeniedByDefault: Policy = (resources) => {
  const policies = ofKind(resources, 'NetworkPolicy');
  const defaultDeny = policies.some((policy) => {
    const spec = policy.spec as NetworkPolicySpec;
    return (
      Object.keys(spec.podSelector.matchLabels ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((type) => spec.policyTypes?.includes(type)) &&
      (spec.ingress ?? []).length === 0 &&
      (spec.egress ?? []).length === 0
    );
  });
  const violations = defaultDeny
    ? []
    : ['no default-deny NetworkPolicy (ingress and egress) for the namespace'];
  // Every workload, not only the services: the collector, and the Jobs an operator creates by hand.
  for (const workload of workloads(resources)) {
    const labels = workload.spec.template.metadata?.labels;
    const own = policies.filter((policy) => {
      const spec = policy.spec as NetworkPolicySpec;
      return Object.keys(spec.podSelector.matchLabels ?? {}).length > 0 && selects(spec.podSelector, labels);
    });
    if (own.length === 0) {
      violations.push(`${resourceId(workload)} has no NetworkPolicy of its own`);
      continue;
    }
    for (const policy of own) {
      for (const rule of (policy.spec as NetworkPolicySpec).egress ?? []) {
        if ((rule.to ?? []).length === 0 || (rule.ports ?? []).length === 0) {
          violations.push(`${resourceId(policy)} lets ${workload.metadata.name} reach any address or port`);
        }
      }
    }
  }
  return violations;
};

function kafkaUserAcls(user: KubernetesResource): KafkaAcl[] {
  return (user.spec as { authorization?: { acls?: KafkaAcl[] } }).authorization?.acls ?? [];
}

function topicAcls(user: KubernetesResource, operations: ReadonlySet<string>): KafkaAcl[] {
  return kafkaUserAcls(user).filter(
    (acl) =>
      acl.resource.type === 'topic' &&
      (acl.type ?? 'allow') === 'allow' &&
      acl.operations.some((operation) => operations.has(operation)),
  );
}

function aclTopic(acl: KafkaAcl): string {
  return acl.resource.patternType === 'prefix' ? `${acl.resource.name}* (prefix)` : String(acl.resource.name);
}

/** docs/design.md §3: facts are the only input of stats; .events topics carry person references. */
const statsReadsOnlyFacts: Policy = (resources) =>
  ofKind(resources, 'KafkaUser')
    .filter((user) => user.metadata.name === 'relais-stats')
    .flatMap((user) =>
      topicAcls(user, READ_OPERATIONS).flatMap((acl) => {
        const literal = (acl.resource.patternType ?? 'literal') === 'literal';
        const name = String(acl.resource.name);
        if (literal && name.endsWith('.facts.v1')) return [];
        return name.includes('.events') || !literal || name === '*'
          ? [`${resourceId(user)} has a read ACL on an .events topic or pattern: ${aclTopic(acl)}`]
          : [`${resourceId(user)} reads ${aclTopic(acl)}, which is not a *.facts.v1 topic`];
      }),
    );

/**
 * Each service writes the topics its own contracts publish to (libs/contracts, the one place that
 * declares a topic), and the dead-letter topics of the topics it reads.
 */
const servicesWriteOnlyTheirOwnTopics: Policy = (resources) =>
  ofKind(resources, 'KafkaUser').flatMap((user) => {
    const service = user.metadata.name.replace(/^relais-/, '');
    const own = allContracts
      .filter((contract) => contract.type.startsWith(`${service}.`))
      .map((contract) => contract.topic);
    // A topic of no service (identity's erasures, ADR 0033) is written by the one the registry names.
    const adopted = allContracts
      .filter((contract) => !serviceNames.some((name) => contract.type.startsWith(`${name}.`)))
      .map((contract) => contract.topic)
      .filter((topic) =>
        services.some(
          (entry) => entry.name === service && (entry.writes as readonly string[]).includes(topic),
        ),
      );
    const deadLetters = topicAcls(user, READ_OPERATIONS).map((acl) => `${acl.resource.name}.dlq`);
    const allowed = new Set([...own, ...adopted, ...deadLetters]);
    return topicAcls(user, WRITE_OPERATIONS)
      .filter(
        (acl) =>
          (acl.resource.patternType ?? 'literal') !== 'literal' || !allowed.has(String(acl.resource.name)),
      )
      .map((acl) => `${resourceId(user)} may write ${aclTopic(acl)}, which is not one of its own topics`);
  });

const everyServiceHasAKafkaUser: Policy = (resources) => {
  if (ofKind(resources, 'Kafka').length === 0) return [];
  const users = new Set(ofKind(resources, 'KafkaUser').map((user) => user.metadata.name));
  return serviceDeployments(resources)
    .filter((deployment) => !users.has(deployment.metadata.name))
    .map((deployment) => `${resourceId(deployment)} has no KafkaUser`);
};

const kafkaIsReplicated: Policy = (resources, topics) => {
  const violations: string[] = [];
  for (const kafka of ofKind(resources, 'Kafka')) {
    const config = (kafka.spec as { kafka: { config?: Record<string, unknown> } }).kafka.config ?? {};
    if (Number(config['default.replication.factor']) < 3)
      violations.push(`${resourceId(kafka)}: default.replication.factor below 3`);
    if (Number(config['min.insync.replicas']) !== 2)
      violations.push(`${resourceId(kafka)}: min.insync.replicas is not 2`);
    const brokers = ofKind(resources, 'KafkaNodePool')
      .filter((pool) => (pool.spec as { roles: string[] }).roles.includes('broker'))
      .reduce((sum, pool) => sum + (pool.spec as { replicas: number }).replicas, 0);
    if (brokers < 3) violations.push(`${resourceId(kafka)}: ${brokers} brokers, fewer than 3`);
  }
  if (ofKind(resources, 'Kafka').length === 0) return violations;
  const declared = new Map(
    ofKind(resources, 'KafkaTopic').map((topic) => {
      const spec = topic.spec as {
        topicName?: string;
        partitions: number;
        replicas: number;
        config?: Record<string, unknown>;
      };
      return [spec.topicName ?? topic.metadata.name, { topic, spec }] as const;
    }),
  );
  for (const line of topics) {
    const found = declared.get(line.topic);
    if (!found) {
      violations.push(`no KafkaTopic for ${line.topic} of deploy/kafka/topics.txt`);
      continue;
    }
    const { topic, spec } = found;
    if (spec.partitions !== line.partitions)
      violations.push(
        `${resourceId(topic)}: ${spec.partitions} partitions, topics.txt says ${line.partitions}`,
      );
    if (Number(spec.config?.['retention.ms']) !== line.retentionMs)
      violations.push(
        `${resourceId(topic)}: retention.ms ${String(spec.config?.['retention.ms'])}, topics.txt says ${line.retentionMs}`,
      );
    if (spec.replicas < 3) violations.push(`${resourceId(topic)}: replication factor below 3`);
    if (Number(spec.config?.['min.insync.replicas']) !== 2)
      violations.push(`${resourceId(topic)}: min.insync.replicas is not 2`);
  }
  for (const name of declared.keys()) {
    if (!topics.some((line) => line.topic === name))
      violations.push(`KafkaTopic ${name} is not in deploy/kafka/topics.txt`);
  }
  return violations;
};

/** The per-person keys every service that seals events shares (ADR 0033): read and written, no more. */
const KEYRING_DATABASE = 'relais-keyring';

/** One database user per service, whose roles reach its own database only, and the shared keyring. */
const databaseUsersOwnTheirDatabaseOnly: Policy = (resources) =>
  ofKind(resources, 'PerconaServerMongoDB').flatMap((mongo) => {
    const users = (mongo.spec as { users: { name: string; roles: { name: string; db: string }[] }[] }).users;
    const violations = users.flatMap((user) =>
      user.roles
        .filter(
          (role) => role.db !== user.name && !(role.db === KEYRING_DATABASE && role.name === 'readWrite'),
        )
        .map(
          (role) =>
            `${resourceId(mongo)}: user ${user.name} has ${role.name} on ${role.db}, not its own database`,
        ),
    );
    for (const deployment of serviceDeployments(resources)) {
      if (!users.some((user) => user.name === deployment.metadata.name))
        violations.push(`${resourceId(mongo)} has no user for ${deployment.metadata.name}`);
    }
    return violations;
  });

/** Data that can be recovered, and that travels encrypted (docs/design.md §9, ADR 0017). */
const databaseIsEncryptedAndBackedUp: Policy = (resources) =>
  ofKind(resources, 'PerconaServerMongoDB').flatMap((mongo) => {
    const spec = mongo.spec as {
      tls: { mode: string };
      backup: {
        enabled: boolean;
        pitr?: { enabled: boolean };
        tasks: { enabled: boolean; storageName: string }[];
        storages: Record<string, unknown>;
      };
    };
    const violations: string[] = [];
    if (spec.tls.mode !== 'requireTLS')
      violations.push(`${resourceId(mongo)}: TLS is ${spec.tls.mode}, not required`);
    const scheduled = spec.backup.tasks.filter(
      (task) => task.enabled && task.storageName in spec.backup.storages,
    );
    if (!spec.backup.enabled || scheduled.length === 0)
      violations.push(`${resourceId(mongo)} has no scheduled backup to a declared storage`);
    if (!spec.backup.pitr?.enabled)
      violations.push(
        `${resourceId(mongo)} keeps no oplog: it cannot be restored to a moment between backups`,
      );
    return violations;
  });

/** The realm file keycloak-config-cli applies (components/keycloak), parsed. */
export function realmsOf(
  resources: readonly KubernetesResource[],
): { resource: KubernetesResource; realm: Record<string, unknown> }[] {
  return ofKind(resources, 'ConfigMap')
    .filter((configMap) => configMap.metadata.labels?.['app.kubernetes.io/name'] === 'relais-keycloak-realm')
    .flatMap((configMap) =>
      Object.values((configMap['data'] ?? {}) as Record<string, string>).map((text) => ({
        resource: configMap,
        realm: parseYaml(text) as Record<string, unknown>,
      })),
    );
}

/**
 * A client's service account, through which keycloak-config-cli grants its roles: no person, no
 * credential, no attribute.
 */
const serviceAccountKeys = new Set([
  'username',
  'enabled',
  'serviceAccountClientId',
  'realmRoles',
  'clientRoles',
]);
const isServiceAccount = (user: Record<string, unknown>) =>
  typeof user['serviceAccountClientId'] === 'string' &&
  user['username'] === `service-account-${user['serviceAccountClientId']}` &&
  Object.keys(user).every((key) => serviceAccountKeys.has(key));

/**
 * The production realm: no person (service accounts only), no known secret (a client's secret is
 * substituted from the realm job's environment, never written), no password grant, no local address.
 */
const realmHasNoDemoContent: Policy = (resources) =>
  realmsOf(resources).flatMap(({ resource, realm }) => {
    const clients = (realm['clients'] ?? []) as Record<string, unknown>[];
    const violations: string[] = [];
    if (!((realm['users'] ?? []) as Record<string, unknown>[]).every(isServiceAccount))
      violations.push(`${resourceId(resource)} imports users`);
    for (const client of clients) {
      const id = String(client['clientId']);
      const secret = client['secret'];
      if (secret !== undefined && !(typeof secret === 'string' && /^\$\(env:[A-Z_]+\)$/.test(secret)))
        violations.push(`${resourceId(resource)}: client ${id} has a secret in the file`);
      if (client['directAccessGrantsEnabled'] === true)
        violations.push(`${resourceId(resource)}: client ${id} allows the password grant`);
      const uris = [
        ...((client['redirectUris'] ?? []) as string[]),
        String(
          (client['attributes'] as Record<string, unknown> | undefined)?.['post.logout.redirect.uris'] ?? '',
        ),
      ];
      if (uris.some((uri) => /localhost|\.invalid/.test(uri)))
        violations.push(`${resourceId(resource)}: client ${id} redirects to ${uris.join(', ')}`);
    }
    return violations;
  });

/** The portal address the realm job substitutes: the environment's own, over https. */
const realmJobNamesThePortal: Policy = (resources) =>
  workloads(resources)
    .filter((workload) => workload.metadata.name === 'relais-keycloak-realm')
    .flatMap((workload) => {
      const env = (workload.spec.template.spec.containers[0] as { env?: { name: string; value?: string }[] })
        .env;
      const origin = env?.find((variable) => variable.name === 'RELAIS_PORTAL_ORIGIN')?.value ?? '';
      return /^https:\/\/[a-z0-9.-]+$/.test(origin) && !/\.invalid$|localhost/.test(origin)
        ? []
        : [
            `${resourceId(workload)}: RELAIS_PORTAL_ORIGIN "${origin}" is not the environment's https portal origin`,
          ];
    });

/**
 * An autoscaled Deployment states no replicas: every apply would reset the count the autoscaler chose
 * (a rollout under load would shrink to the manifest's number). The HPA's minReplicas is the floor.
 */
const autoscaledDeploymentsStateNoReplicas: Policy = (resources) => {
  const autoscaled = new Set(
    ofKind(resources, 'HorizontalPodAutoscaler').map(
      (hpa) => (hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef.name,
    ),
  );
  return ofKind<Workload>(resources, 'Deployment')
    .filter((deployment) => autoscaled.has(deployment.metadata.name))
    .filter((deployment) => (deployment.spec as { replicas?: number }).replicas !== undefined)
    .map(
      (deployment) =>
        `${resourceId(deployment)} sets replicas and has a HorizontalPodAutoscaler: set minReplicas on the autoscaler only`,
    );
};

/** `lifecycle.preStop.sleep` exists from Kubernetes 1.30 on (beta, on by default; GA in 1.34). */
export const OLDEST_SUPPORTED_KUBERNETES = '1.30';
const preStopSleepIsSupported: Policy = (resources) => {
  const [major = 0, minor = 0] = OLDEST_SUPPORTED_KUBERNETES.split('.').map(Number);
  if (major > 1 || minor >= 30) return [];
  return workloads(resources)
    .filter((workload) => workload.spec.template.spec.containers.some((c) => c.lifecycle?.preStop?.sleep))
    .map(
      (workload) =>
        `${resourceId(workload)}: preStop sleep needs Kubernetes 1.30, older than the ${OLDEST_SUPPORTED_KUBERNETES} claimed`,
    );
};

/** Pod Security admission enforces `restricted` on the namespace: a pod that does not meet it never starts. */
const namespaceEnforcesRestricted: Policy = (resources) =>
  ofKind(resources, 'Namespace').flatMap((namespace) => {
    const labels = namespace.metadata.labels ?? {};
    return ['enforce', 'audit', 'warn']
      .filter((mode) => labels[`pod-security.kubernetes.io/${mode}`] !== 'restricted')
      .map((mode) => `${resourceId(namespace)}: pod-security.kubernetes.io/${mode} is not restricted`);
  });

const POLICIES: readonly Policy[] = [
  imagesArePinned,
  containersAreHardened,
  containersHaveResourcesAndProbes,
  servicesTerminateGracefully,
  servicesHaveTheirCompanions,
  gatewayRoutesEveryService,
  secretsAreNeverCommitted,
  networkIsDeniedByDefault,
  statsReadsOnlyFacts,
  servicesWriteOnlyTheirOwnTopics,
  everyServiceHasAKafkaUser,
  kafkaIsReplicated,
  databaseUsersOwnTheirDatabaseOnly,
  databaseIsEncryptedAndBackedUp,
  realmHasNoDemoContent,
  realmJobNamesThePortal,
  autoscaledDeploymentsStateNoReplicas,
  preStopSleepIsSupported,
  namespaceEnforcesRestricted,
];

/** Every policy over the output of one overlay: one line per violation, none when all hold. */
export function policyViolations(
  resources: readonly KubernetesResource[],
  topics: readonly TopicSpec[],
): string[] {
  return POLICIES.flatMap((policy) => policy(resources, topics));
}
