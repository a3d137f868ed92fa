import { describeEndpoints, exportEndpoints } from './endpoints';
import { defaultStrategies } from './default-strategies';
import { brokerList, ensureTopics, withKafkaAdmin } from './kafka-topics';
import { resolveInfrastructure } from './resolve';
import type { ResolvedInfrastructure } from './resolve';
import { handToTeardown } from './teardown-handoff';
import { readTopicsFile } from './topics-file';

const howItWasFound: Record<ResolvedInfrastructure['source'], string> = {
  environment: 'from the environment',
  testcontainers: 'started with testcontainers',
  'native-provisioner': 'from scripts/infra',
};

/** Jest globalSetup of the integration project: find (or start) the infrastructure, never skip. */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await resolveInfrastructure(defaultStrategies(process.env));
  try {
    // Idempotent; the topics also have to exist on infrastructure we did not provision.
    const topics = await readTopicsFile();
    await withKafkaAdmin(brokerList(infrastructure.endpoints.kafkaBrokers), (admin) =>
      ensureTopics(admin, topics),
    );
  } catch (error) {
    await infrastructure.release();
    throw new Error(
      `Kafka at KAFKA_BROKERS=${infrastructure.endpoints.kafkaBrokers} did not accept the topics of deploy/kafka/topics.txt: ${(error as Error).message}`,
    );
  }
  exportEndpoints(infrastructure.endpoints, process.env);
  handToTeardown(infrastructure);
  process.stdout.write(
    `\nIntegration infrastructure ${howItWasFound[infrastructure.source]}` +
      `${infrastructure.startedHere ? ' (stopped after the tests)' : ''}: ${describeEndpoints(infrastructure.endpoints)}\n`,
  );
}
