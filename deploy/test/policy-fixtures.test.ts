import { join } from 'node:path';
import { kustomizeBuild } from './support/kustomize';
import { fixturesDirectory } from './support/paths';
import { policyViolations } from './support/policies';
import { schemaViolations } from './support/schema-validation';
import { readTopicsFile } from './support/topics-file';

// The first run on a machine compiles kustomize (scripts/tools/kustomize): about a minute.
const FIRST_BUILD_TIMEOUT_MS = 300_000;

/**
 * Each fixture is the prod overlay with one deliberate fault. The checks must report that fault, and
 * only it: every violation names the broken resource, so a copy that is otherwise clean stays clean.
 */
const brokenCopies: { fixture: string; resource: string; violation: RegExp }[] = [
  {
    fixture: 'latest-tag',
    resource: 'Deployment/relais-stats',
    violation: /image ".*:latest" is not pinned/,
  },
  { fixture: 'runs-as-root', resource: 'Deployment/relais-progress', violation: /may run as root/ },
  { fixture: 'no-limits', resource: 'Deployment/relais-feedback', violation: /has no cpu limit/ },
  {
    fixture: 'no-readiness-probe',
    resource: 'Deployment/relais-enrollment',
    violation: /has no readiness probe/,
  },
  {
    fixture: 'stats-reads-events',
    resource: 'KafkaUser/relais-stats',
    violation: /read ACL on an \.events topic or pattern: enrollment\.events\.v1/,
  },
  {
    fixture: 'writes-foreign-topic',
    resource: 'KafkaUser/relais-progress',
    violation: /may write feedback\.facts\.v1, which is not one of its own topics/,
  },
  {
    fixture: 'missing-network-policy',
    resource: 'Deployment/relais-feedback',
    violation: /has no NetworkPolicy of its own/,
  },
  { fixture: 'open-egress', resource: 'NetworkPolicy/relais-stats', violation: /reach any address or port/ },
  {
    fixture: 'committed-secret',
    resource: 'Secret/relais-enrollment-counting-key',
    violation: /never committed/,
  },
  {
    fixture: 'facts-expire',
    resource: 'KafkaTopic/enrollment.facts.v1',
    violation: /retention\.ms 604800000, topics\.txt says -1/,
  },
  {
    fixture: 'replicas-with-autoscaler',
    resource: 'Deployment/relais-progress',
    violation: /sets replicas and has a HorizontalPodAutoscaler/,
  },
  {
    fixture: 'baseline-namespace',
    resource: 'Namespace/relais',
    violation: /pod-security\.kubernetes\.io\/enforce is not restricted/,
  },
  {
    fixture: 'database-unprotected',
    resource: 'PerconaServerMongoDB/relais-mongodb',
    violation: /TLS is preferTLS, not required/,
  },
  {
    fixture: 'database-unprotected',
    resource: 'PerconaServerMongoDB/relais-mongodb',
    violation: /keeps no oplog/,
  },
  { fixture: 'realm-with-users', resource: 'ConfigMap/relais-keycloak-realm-', violation: /imports users/ },
];

describe('the policy checks', () => {
  it.each(brokenCopies)(
    'fail on $fixture',
    ({ fixture, resource, violation }) => {
      const violations = policyViolations(kustomizeBuild(join(fixturesDirectory, fixture)), readTopicsFile());
      expect(violations).toContainEqual(expect.stringMatching(violation));
      for (const line of violations) expect(line).toContain(resource);
    },
    FIRST_BUILD_TIMEOUT_MS,
  );
});

describe('the schema validation', () => {
  it(
    'fails on a Kubernetes schema error and on an operator schema error',
    async () => {
      const violations = await schemaViolations(kustomizeBuild(join(fixturesDirectory, 'invalid-schemas')));
      expect(violations).toEqual([
        expect.stringMatching(
          /^Deployment\/relais-stats does not match the Kubernetes schema: .*containerPort must be integer/,
        ),
        expect.stringMatching(
          /^KafkaUser\/relais-enrollment does not match its CRD schema \(@kubernetes-models\/strimzi-kafka-operator@.*\): .*operations\.0/,
        ),
      ]);
    },
    FIRST_BUILD_TIMEOUT_MS,
  );

  it('fails on a kind it has no schema for', async () => {
    const unknown = { apiVersion: 'example.org/v1', kind: 'Gadget', metadata: { name: 'g' } };
    expect(await schemaViolations([unknown])).toEqual(['Gadget/g: no schema for example.org/v1 Gadget']);
  });
});
