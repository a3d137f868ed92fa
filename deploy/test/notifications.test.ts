import { join } from 'node:path';
import type { TokenVerifier } from '@relais/auth';
import { ERASURE_TOPIC } from '@relais/host';
import { createInMemoryNotificationsService, recipientKeyPair } from '@relais/notifications';
import { kustomizeBuild } from './support/kustomize';
import type { KafkaAcl } from './support/operator-schemas';
import { k8sDirectory, OVERLAYS } from './support/paths';
import { ofKind, serviceDeployments, type KubernetesResource } from './support/resources';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

interface EnvVariable {
  name: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface EgressRule {
  to?: { ipBlock?: { cidr: string } }[];
  ports?: { port?: number }[];
}

/** The topics the notifications service subscribes to, from the module itself. */
function subscribedTopics(): string[] {
  const { module } = createInMemoryNotificationsService({
    verifier: {} as TokenVerifier,
    recipientPrivateKey: recipientKeyPair().privateKey,
    publicUrl: 'https://portal.example.org',
  });
  // The host subscribes every service that can forget a person to the erasures (ADR 0033).
  const erasures = module.erasure ? [ERASURE_TOPIC] : [];
  return [
    ...new Set([...module.subscriptions.map((subscription) => subscription.topic), ...erasures]),
  ].sort();
}

describe.each(OVERLAYS)('the notifications service in overlay %s', (overlay) => {
  let resources: KubernetesResource[] = [];
  beforeAll(() => {
    resources = kustomizeBuild(join(k8sDirectory, 'overlays', overlay));
  }, FIRST_BUILD_TIMEOUT_MS);

  const secretOf = (deployment: string, variable: string) =>
    (
      serviceDeployments(resources).find((d) => d.metadata.name === deployment)?.spec.template.spec
        .containers[0] as { env?: EnvVariable[] } | undefined
    )?.env?.find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef;

  it('reads exactly the events topics it subscribes to, never a facts topic, and writes only their dead letters', () => {
    const user = ofKind(resources, 'KafkaUser').find((u) => u.metadata.name === 'relais-notifications');
    const acls = (user?.spec as { authorization: { acls: KafkaAcl[] } }).authorization.acls;
    const topicsWith = (operation: KafkaAcl['operations'][number]) =>
      acls
        .filter((acl) => acl.resource.type === 'topic' && acl.operations.includes(operation))
        .map((acl) => acl.resource.name ?? '')
        .sort();

    expect(topicsWith('Read')).toEqual(subscribedTopics());
    expect(topicsWith('Read').every((topic) => topic.includes('.events.'))).toBe(true);
    expect(topicsWith('Write')).toEqual(subscribedTopics().map((topic) => `${topic}.dlq`));
  });

  it('leaves the cluster for the SMTP relay only: one address, the submission port', () => {
    // Policies add up: every rule of every policy that selects the notifications' pods.
    const outside = ofKind(resources, 'NetworkPolicy')
      .filter(
        (p) =>
          (p.spec as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector?.matchLabels?.[
            'app.kubernetes.io/name'
          ] === 'relais-notifications',
      )
      .flatMap((p) => (p.spec as { egress?: EgressRule[] }).egress ?? [])
      .filter((rule) => (rule.to ?? []).some((peer) => peer.ipBlock));
    expect(outside).toEqual([
      {
        to: [{ ipBlock: { cidr: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+\/32$/) } }],
        ports: [{ protocol: 'TCP', port: 587 }],
      },
    ]);
  });

  it('takes the SMTP credentials and its keys from Secrets, and gives feedback the public half only', () => {
    expect(secretOf('relais-notifications', 'SMTP_USER')).toEqual({
      name: 'relais-notifications-smtp-user',
      key: 'key',
    });
    expect(secretOf('relais-notifications', 'SMTP_PASSWORD')).toEqual({
      name: 'relais-notifications-smtp-password',
      key: 'key',
    });
    expect(secretOf('relais-notifications', 'NOTIFICATIONS_RECIPIENT_PRIVATE_KEY')).toEqual({
      name: 'relais-notifications-recipient-key',
      key: 'key',
    });
    expect(secretOf('relais-feedback', 'NOTIFICATIONS_RECIPIENT_PUBLIC_KEY')).toEqual({
      name: 'relais-notifications-recipient-public-key',
      key: 'key',
    });
    // Feedback's pods name no Secret that holds the private half.
    const feedbackSecrets = (
      serviceDeployments(resources).find((d) => d.metadata.name === 'relais-feedback')?.spec.template.spec
        .containers[0] as { env?: EnvVariable[] } | undefined
    )?.env?.map((entry) => entry.valueFrom?.secretKeyRef?.name);
    expect(feedbackSecrets).not.toContain('relais-notifications-recipient-key');
    expect(secretOf('relais-feedback', 'NOTIFICATIONS_RECIPIENT_PRIVATE_KEY')).toBeUndefined();
  });

  it('sends links to the environment’s portal and mail to its relay', () => {
    const configMap = ofKind(resources, 'ConfigMap').find(
      (c) => c.metadata.labels?.['app.kubernetes.io/name'] === 'relais-notifications',
    );
    const data = configMap?.['data'] as Record<string, string>;
    expect(data['PUBLIC_URL']).toMatch(/^https:\/\/portal\./);
    expect(data['SMTP_HOST']).toMatch(/^smtp\./);
    expect(data['MAIL_FROM']).toMatch(/^Relais <ne-pas-repondre@relais/);
  });
});
