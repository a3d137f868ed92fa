import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import {
  flowKey,
  namespacePolicies,
  NetworkModel,
  workloadEndpoints,
  type Endpoint,
  type Flow,
} from './support/network-reachability';
import { services } from '@relais/host/registry';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { ofKind, workloads, type KubernetesResource } from './support/resources';
import { readStatsRebuildJob } from './support/stats-rebuild-job';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

/**
 * The pods the operators create and the parts of the cluster Relais talks to, with the labels and
 * ports they really have: Strimzi's broker and entity-operator pods, the MongoDB operator's members,
 * the Keycloak operator's pods, the Gateway's proxies (Envoy Gateway), Prometheus, the telemetry backend, DNS, and
 * addresses outside the cluster (Keycloak's PostgreSQL, the API server, anywhere else).
 */
function surroundings(namespace: string, smtpRelayIp: string): Endpoint[] {
  return [
    {
      name: 'kafka-broker',
      namespace,
      ip: '10.244.2.1',
      labels: {
        'strimzi.io/cluster': 'relais-kafka',
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/name': 'relais-kafka-kafka',
        'strimzi.io/pool-name': 'brokers',
        'strimzi.io/broker-role': 'true',
        'strimzi.io/controller-role': 'true',
      },
      ports: [{ port: 9090 }, { port: 9091 }, { port: 9093 }, { port: 9404 }],
    },
    {
      name: 'kafka-entity-operator',
      namespace,
      ip: '10.244.2.2',
      labels: {
        'strimzi.io/cluster': 'relais-kafka',
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/name': 'relais-kafka-entity-operator',
      },
      ports: [],
    },
    {
      name: 'mongodb-member',
      namespace,
      ip: '10.244.2.3',
      labels: {
        'app.kubernetes.io/name': 'percona-server-mongodb',
        'app.kubernetes.io/instance': 'relais-mongodb',
        'app.kubernetes.io/component': 'mongod',
        'app.kubernetes.io/replset': 'rs0',
      },
      ports: [{ port: 27017 }],
    },
    {
      name: 'keycloak',
      namespace,
      ip: '10.244.2.4',
      labels: {
        app: 'keycloak',
        'app.kubernetes.io/instance': 'relais-keycloak',
        'app.kubernetes.io/managed-by': 'keycloak-operator',
      },
      // HTTP, management (health, metrics), cache replication.
      ports: [{ port: 8080 }, { port: 9000 }, { port: 7800 }],
    },
    // The proxies Envoy Gateway runs for the Gateway `relais` (in its own namespace, with the labels its
    // controller sets), listening on 10080 and 10443 for the Gateway's ports 80 and 443.
    {
      name: 'gateway-proxy',
      namespace: 'envoy-gateway-system',
      ip: '10.244.3.1',
      labels: {
        'app.kubernetes.io/name': 'envoy',
        'app.kubernetes.io/component': 'proxy',
        'app.kubernetes.io/managed-by': 'envoy-gateway',
        'gateway.envoyproxy.io/owning-gateway-name': 'relais',
        'gateway.envoyproxy.io/owning-gateway-namespace': namespace,
      },
      ports: [{ port: 10080 }, { port: 10443 }],
    },
    // Another Gateway's proxies, beside ours: the policies name our Gateway, not every proxy.
    {
      name: 'other-gateway-proxy',
      namespace: 'envoy-gateway-system',
      ip: '10.244.3.2',
      labels: {
        'app.kubernetes.io/name': 'envoy',
        'app.kubernetes.io/component': 'proxy',
        'app.kubernetes.io/managed-by': 'envoy-gateway',
        'gateway.envoyproxy.io/owning-gateway-name': 'shop',
        'gateway.envoyproxy.io/owning-gateway-namespace': 'shop',
      },
      ports: [{ port: 10080 }, { port: 10443 }],
    },
    // What ingress-nginx's pods were: nothing admits them any more.
    {
      name: 'retired-ingress-controller',
      namespace: 'ingress-nginx',
      ip: '10.244.3.3',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      ports: [{ port: 80 }, { port: 443 }],
    },
    {
      name: 'prometheus',
      namespace: 'monitoring',
      ip: '10.244.4.1',
      labels: { 'app.kubernetes.io/name': 'prometheus' },
      ports: [{ port: 9090 }],
    },
    {
      name: 'telemetry-backend',
      namespace: 'monitoring',
      ip: '10.244.4.2',
      labels: { 'app.kubernetes.io/name': 'otlp-gateway' },
      ports: [{ port: 4317 }, { port: 4318 }],
    },
    {
      name: 'kube-dns',
      namespace: 'kube-system',
      ip: '10.244.5.1',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
    },
    // Another namespace's pod with the labels of ours: policies must not let it in by labels alone.
    {
      name: 'impostor',
      namespace: 'elsewhere',
      ip: '10.244.6.1',
      labels: {
        'app.kubernetes.io/part-of': 'relais',
        'app.kubernetes.io/component': 'api',
        'app.kubernetes.io/name': 'relais-keycloak-realm',
      },
      ports: [{ port: 443 }],
    },
    {
      name: 'mongodb-operator',
      namespace: 'psmdb-operator',
      ip: '10.244.2.5',
      labels: { 'app.kubernetes.io/name': 'percona-server-mongodb-operator' },
      ports: [],
    },
    {
      name: 'backup-bucket',
      namespace: '',
      ip: '203.0.113.20',
      external: true,
      labels: {},
      ports: [{ port: 443 }],
    },
    {
      name: 'postgres',
      namespace: '',
      ip: '192.0.2.10',
      external: true,
      labels: {},
      ports: [{ port: 5432 }],
    },
    {
      name: 'kubernetes-api',
      namespace: '',
      ip: '192.0.2.1',
      external: true,
      labels: {},
      ports: [{ port: 443 }, { port: 6443 }],
    },
    // The overlay's SMTP relay (smtpRelayCidr of its environment), and another mail server beside it.
    {
      name: 'smtp-relay',
      namespace: '',
      ip: smtpRelayIp,
      external: true,
      labels: {},
      ports: [{ port: 25 }, { port: 465 }, { port: 587 }],
    },
    {
      name: 'other-mail-server',
      namespace: '',
      ip: '198.51.100.25',
      external: true,
      labels: {},
      ports: [{ port: 25 }, { port: 587 }],
    },
    {
      name: 'internet',
      namespace: '',
      ip: '198.51.100.7',
      external: true,
      labels: {},
      ports: [{ port: 80 }, { port: 443 }, { port: 5432 }, { port: 27017 }],
    },
  ];
}

const DNS: Flow[] = [
  { to: 'kube-dns', port: 53, protocol: 'UDP' },
  { to: 'kube-dns', port: 53 },
];
const SERVICE_PORTS: Readonly<Record<string, number>> = Object.fromEntries(
  services.map(({ name, port }) => [name, port]),
);

/** The address of each overlay's SMTP relay, as its environment.yaml gives it (smtpRelayCidr). */
const SMTP_RELAY_IP: Record<string, string> = { dev: '203.0.113.26', prod: '203.0.113.25' };

/**
 * What each Job and Deployment must reach, and may: the whole list, nothing more. A service reaches
 * Kafka's TLS listener, MongoDB, Keycloak's keys through the Gateway's proxies (the issuer is the
 * public address), the collector and DNS; it is reached by the Gateway's proxies and Prometheus only.
 * The portal reaches DNS only and is reached by the Gateway's proxies only.
 */
function declaredEgress(workload: string): Flow[] {
  const service = Object.entries(SERVICE_PORTS).find(([name]) => workload === `relais-${name}`);
  if (service)
    return [
      { to: 'kafka-broker', port: 9093 },
      { to: 'mongodb-member', port: 27017 },
      { to: 'gateway-proxy', port: 10443 },
      { to: 'relais-otel-collector', port: 4318 },
      // Mail leaves through the relay, and the notifications are the only ones to send any.
      ...(workload === 'relais-notifications' ? [{ to: 'smtp-relay', port: 587 }] : []),
      // Enrollment alone reads Keycloak's admin events (user deletions, ADR 0033), in the cluster.
      ...(workload === 'relais-enrollment' ? [{ to: 'keycloak', port: 8080 }] : []),
      ...DNS,
    ];
  switch (workload) {
    case 'relais-otel-collector':
      return [{ to: 'telemetry-backend', port: 4318 }, ...DNS];
    case 'relais-keycloak-realm':
      return [{ to: 'keycloak', port: 8080 }, ...DNS];
    case 'relais-stats-rebuild':
      return [{ to: 'kafka-broker', port: 9093 }, { to: 'mongodb-member', port: 27017 }, ...DNS];
    // Files for browsers: the browser, not the pod, calls the API and Keycloak.
    case 'relais-portal':
      return DNS;
    default:
      throw new Error(`no declared egress for ${workload}: add it here`);
  }
}

function declaredIngress(workload: string): Flow[] {
  const service = Object.entries(SERVICE_PORTS).find(([name]) => workload === `relais-${name}`);
  if (service)
    return [
      { to: 'gateway-proxy', port: service[1] },
      { to: 'prometheus', port: service[1] },
    ];
  if (workload === 'relais-otel-collector')
    return Object.keys(SERVICE_PORTS).map((name) => ({ to: `relais-${name}`, port: 4318 }));
  // Nothing of it for Prometheus to scrape: nginx with its access log off.
  if (workload === 'relais-portal') return [{ to: 'gateway-proxy', port: 8080 }];
  return [];
}

const keys = (flows: readonly Flow[]) => flows.map(flowKey).sort();

describe.each(OVERLAYS)('network policies of overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];
  let model: NetworkModel;
  let names: string[] = [];

  beforeAll(() => {
    const rendered = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
    const namespace = ofKind(rendered, 'Namespace')[0]?.metadata.name ?? '';
    // The hand-applied Jobs of deploy/k8s/jobs run in the same namespace, under the same policies.
    resources = [...rendered, readStatsRebuildJob()];
    names = workloads(resources).map((workload) => workload.metadata.name);
    model = new NetworkModel(
      [...workloadEndpoints(resources, namespace), ...surroundings(namespace, SMTP_RELAY_IP[overlay] ?? '')],
      namespacePolicies(resources, namespace),
    );
  }, FIRST_BUILD_TIMEOUT_MS);

  it('checks every Job, CronJob and Deployment', () => {
    expect(names.sort()).toEqual(
      [
        ...services.map(({ name }) => `relais-${name}`),
        'relais-keycloak-realm',
        'relais-otel-collector',
        'relais-portal',
        'relais-stats-rebuild',
      ].sort(),
    );
  });

  it('lets each workload reach exactly what it needs, nothing more', () => {
    for (const name of names) {
      const reached = keys(model.reachableFrom(model.endpoint(name)));
      expect({ workload: name, reaches: reached }).toEqual({
        workload: name,
        reaches: keys(declaredEgress(name)),
      });
    }
  });

  it('lets each workload be reached by exactly its clients, nobody else', () => {
    for (const name of names) {
      const reachedBy = keys(model.reachingTo(model.endpoint(name)));
      expect({ workload: name, reachedBy }).toEqual({
        workload: name,
        reachedBy: keys(declaredIngress(name)),
      });
    }
  });

  it('opens Keycloak to the Gateway’s proxies, its realm configuration job and enrollment’s reader of deletions only', () => {
    const keycloak = model.endpoint('keycloak');
    const clients = model
      .reachingTo(keycloak)
      .filter((flow) => flow.to !== 'keycloak')
      .map(flowKey)
      .sort();
    expect(clients).toEqual([
      'gateway-proxy:8080/TCP',
      'relais-enrollment:8080/TCP',
      'relais-keycloak-realm:8080/TCP',
    ]);
  });

  it('lets the infrastructure do its own work: replication, Keycloak’s database', () => {
    const allows = (from: string, to: string, port: number) =>
      model.allows(model.endpoint(from), model.endpoint(to), port);
    expect(allows('keycloak', 'postgres', 5432)).toBe(true);
    expect(allows('prometheus', 'kafka-broker', 9404)).toBe(true);
    expect(allows('kafka-entity-operator', 'kafka-broker', 9091)).toBe(true);
    expect(allows('kafka-entity-operator', 'kubernetes-api', 443)).toBe(true);
    expect(allows('mongodb-member', 'backup-bucket', 443)).toBe(true);
    expect(allows('mongodb-operator', 'mongodb-member', 27017)).toBe(true);
  });
});

describe('the policy evaluator', () => {
  const pod = (name: string, labels: Record<string, string>, ports = [{ port: 80 }]): Endpoint => ({
    name,
    namespace: 'ns',
    ip: `10.0.0.${name.length}`,
    labels,
    ports,
  });
  const client = pod('client', { app: 'client' });
  const server = pod('server', { app: 'server' }, [{ port: 80 }, { port: 81 }]);

  it('admits everything while no policy selects a pod', () => {
    expect(new NetworkModel([client, server], []).allows(client, server, 81)).toBe(true);
  });

  it('needs the source’s egress and the destination’s ingress, port included', () => {
    const egress = {
      namespace: 'ns',
      name: 'client-out',
      spec: {
        podSelector: { matchLabels: { app: 'client' } },
        policyTypes: ['Egress' as const],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'server' } } }], ports: [{ port: 80 }] }],
      },
    };
    const ingress = {
      namespace: 'ns',
      name: 'server-in',
      spec: {
        podSelector: { matchLabels: { app: 'server' } },
        policyTypes: ['Ingress' as const],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'other' } } }] }],
      },
    };
    expect(new NetworkModel([client, server], [egress]).allows(client, server, 80)).toBe(true);
    expect(new NetworkModel([client, server], [egress]).allows(client, server, 81)).toBe(false);
    expect(new NetworkModel([client, server], [egress, ingress]).allows(client, server, 80)).toBe(false);
  });

  it('matches a namespaceSelector by the namespace’s name label, not a pod of the same labels elsewhere', () => {
    const outsider = { ...pod('outsider', { app: 'client' }), namespace: 'other' };
    const ingress = {
      namespace: 'ns',
      name: 'server-in',
      spec: {
        podSelector: { matchLabels: { app: 'server' } },
        policyTypes: ['Ingress' as const],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }],
      },
    };
    const model = new NetworkModel([client, server, outsider], [ingress]);
    expect(model.allows(client, server, 80)).toBe(true);
    expect(model.allows(outsider, server, 80)).toBe(false);
  });
});
