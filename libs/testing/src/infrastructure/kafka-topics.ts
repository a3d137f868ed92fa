import kafkajs, { Kafka, logLevel } from 'kafkajs';
import type { Admin } from 'kafkajs';
import { untilLeadersKnown, type TopicSpec } from '@relais/bus';

// kafkajs is CommonJS and Node's named-export detection misses this enum: take it from the default.
const { ConfigResourceTypes } = kafkajs;

/**
 * Runs `work` with a connected Kafka admin client. Retries are left to the caller (readiness loops
 * poll; tests fail fast), so the client itself gives up after one short attempt.
 */
export async function withKafkaAdmin<T>(
  brokers: readonly string[],
  work: (admin: Admin) => Promise<T>,
): Promise<T> {
  const kafka = new Kafka({
    clientId: 'relais-infrastructure',
    brokers: [...brokers],
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 2, initialRetryTime: 200 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates the topics that do not exist yet, with their partition count and retention, and sets the
 * retention of those that exist (a data directory kept from before may hold the broker's default,
 * which deletes facts whose record time is older than 7 days); returns the names created.
 */
export async function ensureTopics(admin: Admin, topics: readonly TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((spec) => !existing.has(spec.topic));
  if (missing.length > 0) {
    // kafkajs's own waitForLeaders gives up when a KRaft broker's metadata lags its controller.
    await admin.createTopics({
      waitForLeaders: false,
      // replicationFactor -1: the broker's default.replication.factor (1 on a single test node).
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: -1,
        configEntries: retentionEntries(spec),
      })),
    });
    await untilLeadersKnown(
      admin,
      missing.map((spec) => spec.topic),
    );
  }
  const present = topics.filter((spec) => existing.has(spec.topic));
  if (present.length > 0) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: present.map((spec) => ({
        type: ConfigResourceTypes.TOPIC,
        name: spec.topic,
        configEntries: retentionEntries(spec),
      })),
    });
  }
  return missing.map((spec) => spec.topic);
}

// A spec without one leaves the broker's default (7 days): only topics that must keep facts state it.
const retentionEntries = (spec: TopicSpec) =>
  spec.retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(spec.retentionMs) }];

/** `retention.ms` of each named topic, as the cluster reports it. */
export async function retentions(admin: Admin, names: readonly string[]): Promise<Map<string, number>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: names.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['retention.ms'],
    })),
  });
  return new Map(
    resources.map((resource) => [
      resource.resourceName,
      Number(resource.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue),
    ]),
  );
}

/** Partition count of each named topic, as the cluster's metadata reports it. */
export async function partitionCounts(admin: Admin, names: readonly string[]): Promise<Map<string, number>> {
  const metadata = await admin.fetchTopicMetadata({ topics: [...names] });
  return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
}

export function brokerList(kafkaBrokers: string): string[] {
  return kafkaBrokers
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
}
