import { ofKind, workloads, type KubernetesResource } from './resources';

/*
 * A small evaluator of Kubernetes NetworkPolicies over a rendered overlay, following the API's
 * semantics (networking.k8s.io/v1): a pod selected by no policy of a direction is open in that
 * direction; a selected pod admits a connection if any rule of any selecting policy does; a connection
 * needs both the source's egress and the destination's ingress. Peers: podSelector (the policy's own
 * namespace), namespaceSelector (with or without podSelector: both must match), ipBlock (with except).
 * Ports: number, protocol (TCP when absent) and endPort; an empty list or no list matches every port.
 * matchExpressions are not used by the manifests and are refused rather than misread.
 */

export type Labels = Record<string, string>;
export type Protocol = 'TCP' | 'UDP';

export interface Endpoint {
  /** How tests and messages name it: `relais-enrollment`, `kafka-broker`, `postgres`… */
  name: string;
  namespace: string;
  labels: Labels;
  /** The pod's or host's address, which ipBlock peers match (for pods too, as common CNIs do). */
  ip: string;
  /** Outside the cluster (external databases, the API server): only ipBlock peers match it. */
  external?: boolean;
  ports: readonly { port: number; protocol?: Protocol }[];
}

export interface Flow {
  to: string;
  port: number;
  protocol?: Protocol;
}

interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: unknown[];
}
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: Protocol | 'SCTP';
}
interface Rule {
  to?: Peer[];
  from?: Peer[];
  ports?: PolicyPort[];
}
interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}
export interface NetworkPolicy {
  namespace: string;
  name: string;
  spec: NetworkPolicySpec;
}

function matches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (selector?.matchExpressions?.length)
    throw new Error('matchExpressions are not evaluated: use matchLabels in the manifests');
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base) / size) * size;
  const value = ipToNumber(ip);
  return value >= start && value < start + size;
}

/** The namespace labels Kubernetes sets itself, the only ones the policies may rely on. */
const namespaceLabels = (namespace: string): Labels => ({ 'kubernetes.io/metadata.name': namespace });

function peerMatches(peer: Peer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    return (
      inCidr(endpoint.ip, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr))
    );
  }
  if (endpoint.external) return false;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, namespaceLabels(endpoint.namespace))
    : endpoint.namespace === policyNamespace;
  return namespaceOk && matches(peer.podSelector, endpoint.labels);
}

function portMatches(ports: PolicyPort[] | undefined, port: number, protocol: Protocol): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((allowed) => {
    if ((allowed.protocol ?? 'TCP') !== protocol) return false;
    if (allowed.port === undefined) return true;
    if (typeof allowed.port === 'string')
      throw new Error(`named port ${allowed.port} is not evaluated: use numbers in the manifests`);
    return allowed.endPort === undefined
      ? allowed.port === port
      : port >= allowed.port && port <= allowed.endPort;
  });
}

function policyTypes(spec: NetworkPolicySpec): string[] {
  if (spec.policyTypes) return spec.policyTypes;
  return spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

export class NetworkModel {
  constructor(
    readonly endpoints: readonly Endpoint[],
    readonly policies: readonly NetworkPolicy[],
  ) {}

  endpoint(name: string): Endpoint {
    const found = this.endpoints.find((endpoint) => endpoint.name === name);
    if (!found) throw new Error(`no endpoint named ${name}`);
    return found;
  }

  private admitted(
    subject: Endpoint,
    peer: Endpoint,
    direction: 'Ingress' | 'Egress',
    port: number,
    protocol: Protocol,
  ): boolean {
    // Addresses outside the cluster have no policies of ours; neither do other namespaces' pods here.
    if (subject.external) return true;
    const selecting = this.policies.filter(
      (policy) =>
        policy.namespace === subject.namespace &&
        policyTypes(policy.spec).includes(direction) &&
        matches(policy.spec.podSelector, subject.labels),
    );
    if (selecting.length === 0) return true;
    return selecting.some((policy) =>
      ((direction === 'Egress' ? policy.spec.egress : policy.spec.ingress) ?? []).some((rule) => {
        const peers = direction === 'Egress' ? rule.to : rule.from;
        const peerOk =
          !peers || peers.length === 0 || peers.some((p) => peerMatches(p, policy.namespace, peer));
        return peerOk && portMatches(rule.ports, port, protocol);
      }),
    );
  }

  /** Whether `from` can open a connection to `to` on that port: its egress and the other's ingress. */
  allows(from: Endpoint, to: Endpoint, port: number, protocol: Protocol = 'TCP'): boolean {
    return (
      this.admitted(from, to, 'Egress', port, protocol) && this.admitted(to, from, 'Ingress', port, protocol)
    );
  }

  /** Every (destination, port) that `from` can reach, among the known endpoints and their ports. */
  reachableFrom(from: Endpoint): Flow[] {
    return this.endpoints
      .filter((to) => to !== from)
      .flatMap((to) =>
        to.ports
          .filter(({ port, protocol }) => this.allows(from, to, port, protocol ?? 'TCP'))
          .map(({ port, protocol }) => ({ to: to.name, port, ...(protocol ? { protocol } : {}) })),
      );
  }

  /** Every (source, port) that can reach `to`, among the known endpoints. */
  reachingTo(to: Endpoint): Flow[] {
    return this.endpoints
      .filter((from) => from !== to)
      .flatMap((from) =>
        to.ports
          .filter(({ port, protocol }) => this.allows(from, to, port, protocol ?? 'TCP'))
          .map(({ port, protocol }) => ({ to: from.name, port, ...(protocol ? { protocol } : {}) })),
      );
  }
}

export function flowKey(flow: Flow): string {
  return `${flow.to}:${flow.port}/${flow.protocol ?? 'TCP'}`;
}

interface ContainerPorts {
  containers: { ports?: { containerPort: number; protocol?: Protocol }[] }[];
}

/** The pods of the namespace's own Deployments, StatefulSets and Jobs, named after their workload. */
export function workloadEndpoints(resources: readonly KubernetesResource[], namespace: string): Endpoint[] {
  return workloads(resources).map((workload, index) => ({
    name: workload.metadata.name,
    namespace,
    ip: `10.244.1.${index + 1}`,
    labels: workload.spec.template.metadata?.labels ?? {},
    ports: (workload.spec.template.spec as ContainerPorts).containers.flatMap((container) =>
      (container.ports ?? []).map((port) => ({
        port: port.containerPort,
        ...(port.protocol ? { protocol: port.protocol } : {}),
      })),
    ),
  }));
}

interface KafkaListener {
  port: number;
  networkPolicyPeers?: Peer[];
}

/**
 * The policies Strimzi writes itself: one per Kafka cluster, admitting each listener's
 * networkPolicyPeers (anyone when a listener has none), the brokers, controllers and entity operator
 * among themselves on the replication and control-plane ports (9090, 9091), and, with metrics on,
 * anyone on the metrics port 9404 (modelled as open: the evaluator errs towards reachability).
 */
export function strimziPolicies(
  resources: readonly KubernetesResource[],
  namespace: string,
): NetworkPolicy[] {
  return ofKind(resources, 'Kafka').map((kafka) => {
    const cluster = kafka.metadata.name;
    const { listeners, metricsConfig } = (
      kafka.spec as { kafka: { listeners: KafkaListener[]; metricsConfig?: unknown } }
    ).kafka;
    const own = { podSelector: { matchLabels: { 'strimzi.io/cluster': cluster } } };
    return {
      namespace,
      name: `${cluster}-network-policy-kafka`,
      spec: {
        podSelector: { matchLabels: { 'strimzi.io/name': `${cluster}-kafka` } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [own], ports: [{ port: 9090 }, { port: 9091 }] },
          ...listeners.map((listener) => ({
            ...(listener.networkPolicyPeers ? { from: listener.networkPolicyPeers } : {}),
            ports: [{ port: listener.port }],
          })),
          ...(metricsConfig ? [{ ports: [{ port: 9404 }] }] : []),
        ],
      },
    };
  });
}

/** The namespace's NetworkPolicies as rendered, and those the operators write. */
export function namespacePolicies(
  resources: readonly KubernetesResource[],
  namespace: string,
): NetworkPolicy[] {
  return [
    ...ofKind(resources, 'NetworkPolicy').map((policy) => ({
      namespace,
      name: policy.metadata.name,
      spec: policy.spec as NetworkPolicySpec,
    })),
    ...strimziPolicies(resources, namespace),
  ];
}
