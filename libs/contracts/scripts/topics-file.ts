import { fileURLToPath } from 'node:url';
import { allContracts, deadLetterTopicOf, type DataClassification } from '../src/index';

export const topicsFilePath = fileURLToPath(new URL('../../../deploy/kafka/topics.txt', import.meta.url));

/** 6 partitions: enough for 6 consumers per group on a node, few enough to start fast in tests. */
const PARTITIONS = 6;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Facts for ever (the rebuild's only input); events carry person references, so they do not stay. */
const retentionMs: Record<DataClassification, number> = { anonymous: -1, 'personal-reference': 7 * DAY_MS };
/** Long enough to inspect and replay a dead letter. */
const DEAD_LETTER_RETENTION_MS = 14 * DAY_MS;

const header = `# Kafka topics of Relais, one per line: name partitions retention.ms. GENERATED from the topics the
# contracts of libs/contracts declare: do not edit, run \`npm run contracts:topics\` (a unit test of
# libs/contracts fails while this file is stale; a test of deploy/test keeps the KafkaTopics of
# deploy/k8s/components/kafka/topics.yaml equal to it).
# Retention as in the cluster: facts for ever (-1, the rebuild's only input), events 7 days, dead
# letters 14. Record times are the events' own times, so a shorter retention deletes old facts.
# scripts/infra/infra up and the integration tests' global setup create the missing ones like this,
# and set the retention of those that exist.
`;

/** deploy/kafka/topics.txt as the contracts define it: each topic a contract publishes to, and its dead letters. */
export function topicsFileText(): string {
  const classificationOf = new Map(allContracts.map((contract) => [contract.topic, contract.classification]));
  const lines = [...classificationOf]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([topic, classification]) => [
      `${topic} ${PARTITIONS} ${retentionMs[classification]}`,
      `${deadLetterTopicOf(topic)} ${PARTITIONS} ${DEAD_LETTER_RETENTION_MS}`,
    ]);
  return `${header}${lines.join('\n')}\n`;
}
