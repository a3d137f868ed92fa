import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ensureTopics } from '../src/kafka/ensure-topics';
import { kafkaBrokersFromEnvironment } from './support/kafka-test-environment';

jest.setTimeout(60_000);

const brokers = kafkaBrokersFromEnvironment();
const created: string[] = [];
let admin: Admin;

beforeAll(async () => {
  admin = new Kafka({ clientId: 'ensure-topics-it', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.deleteTopics({ topics: created }).catch(() => undefined);
  await admin.disconnect();
});

const freshTopics = (): Array<{ topic: string; partitions: number }> => {
  const topic = `ensure-topics-${randomUUID()}`;
  created.push(topic, `${topic}.dlq`);
  return [
    { topic, partitions: 3 },
    { topic: `${topic}.dlq`, partitions: 3 },
  ];
};

describe('ensureTopics', () => {
  // Concurrent creations make the broker's metadata lag behind its controller, the moment when a
  // Metadata request answers UNKNOWN_TOPIC_OR_PARTITION for a topic that CreateTopics just created.
  it('returns, even for many topics created at once, only when every partition has a leader', async () => {
    const batches = Array.from({ length: 10 }, freshTopics);

    await Promise.all(
      batches.map((topics) => ensureTopics({ clientId: 'ensure-topics-it', brokers }, topics)),
    );

    const names = batches.flat().map(({ topic }) => topic);
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    expect(topics.map(({ name }) => name).sort()).toEqual([...names].sort());
    for (const { partitions } of topics) {
      expect(partitions).toHaveLength(3);
      expect(partitions.every(({ leader }) => leader >= 0)).toBe(true);
    }
  });

  it('leaves topics that exist as they are and still returns', async () => {
    const topics = freshTopics();
    await ensureTopics({ clientId: 'ensure-topics-it', brokers }, topics);

    await ensureTopics({ clientId: 'ensure-topics-it', brokers }, topics);

    const { topics: described } = await admin.fetchTopicMetadata({
      topics: topics.map(({ topic }) => topic),
    });
    expect(described.map(({ partitions }) => partitions.length)).toEqual([3, 3]);
  });
});
