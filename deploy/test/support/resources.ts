/** What every Kubernetes object has; the rest is read through the narrow views below. */
export interface KubernetesResource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  lifecycle?: { preStop?: { sleep?: { seconds?: number } } };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  serviceAccountName?: string;
  terminationGracePeriodSeconds?: number;
}

export interface Workload extends KubernetesResource {
  spec: { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } };
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

interface CronJob extends KubernetesResource {
  spec: { jobTemplate: { spec: Workload['spec'] } };
}

export function resourceId(resource: KubernetesResource): string {
  return `${resource.kind}/${resource.metadata.name}`;
}

export function ofKind<T extends KubernetesResource = KubernetesResource>(
  resources: readonly KubernetesResource[],
  kind: string,
): T[] {
  return resources.filter((resource) => resource.kind === kind) as T[];
}

/** Everything that runs pods, a CronJob seen as the Job it creates (kind stays CronJob). */
export function workloads(resources: readonly KubernetesResource[]): Workload[] {
  return resources.flatMap((resource): Workload[] => {
    if (WORKLOAD_KINDS.has(resource.kind)) return [resource as Workload];
    if (resource.kind === 'CronJob')
      return [{ ...resource, spec: (resource as CronJob).spec.jobTemplate.spec } as Workload];
    return [];
  });
}

/** The Relais services: workloads labelled as an API (the collector and operators' pods are not). */
export function serviceDeployments(resources: readonly KubernetesResource[]): Workload[] {
  return ofKind<Workload>(resources, 'Deployment').filter(
    (deployment) => deployment.metadata.labels?.['app.kubernetes.io/component'] === 'api',
  );
}

/** `relais-stats` → `stats`. */
export function serviceName(deployment: KubernetesResource): string {
  return deployment.metadata.name.replace(/^relais-/, '');
}

/** Whether a label selector's matchLabels all hold for these labels (matchExpressions unused here). */
export function selects(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels?.[key] === value);
}
