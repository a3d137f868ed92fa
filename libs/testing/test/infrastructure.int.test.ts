import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { brokerList, partitionCounts, retentions, withKafkaAdmin } from '../src/infrastructure/kafka-topics';
import { readTopicsFile } from '../src/infrastructure/topics-file';

// Proves that the infrastructure the global setup resolved is real and provisioned as the services
// expect it, whichever way it was found.

const endpoint = (name: 'KAFKA_BROKERS' | 'MONGO_URL' | 'KEYCLOAK_URL'): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration global setup did not run`);
  return value;
};

describe('the resolved integration infrastructure', () => {
  it('has every topic of deploy/kafka/topics.txt on Kafka, with its partition count', async () => {
    const topics = await readTopicsFile();
    expect(topics.length).toBeGreaterThan(0);
    const counts = await withKafkaAdmin(brokerList(endpoint('KAFKA_BROKERS')), (admin) =>
      partitionCounts(
        admin,
        topics.map((spec) => spec.topic),
      ),
    );
    for (const spec of topics) {
      expect({ topic: spec.topic, partitions: counts.get(spec.topic) }).toEqual({
        topic: spec.topic,
        partitions: spec.partitions,
      });
    }
  });

  it('keeps every topic of deploy/kafka/topics.txt for its retention: the facts for ever', async () => {
    const topics = await readTopicsFile();
    const found = await withKafkaAdmin(brokerList(endpoint('KAFKA_BROKERS')), (admin) =>
      retentions(
        admin,
        topics.map((spec) => spec.topic),
      ),
    );
    expect(topics.filter((spec) => spec.topic.includes('.facts.') && !spec.topic.endsWith('.dlq'))).toEqual([
      expect.objectContaining({ retentionMs: -1 }),
      expect.objectContaining({ retentionMs: -1 }),
    ]);
    for (const spec of topics)
      expect({ topic: spec.topic, retentionMs: found.get(spec.topic) }).toEqual({
        topic: spec.topic,
        retentionMs: spec.retentionMs,
      });
  });

  it('has a MongoDB-compatible database that stores and finds a document', async () => {
    const connection = await mongoose
      .createConnection(endpoint('MONGO_URL'), { dbName: `infra-check-${randomUUID()}` })
      .asPromise();
    try {
      const probes = connection.collection('probes');
      const marker = randomUUID();
      await probes.insertOne({ marker, count: 3, tags: ['a', 'b'] });
      const found = await probes.findOne({ marker }, { projection: { _id: 0 } });
      expect(found).toEqual({ marker, count: 3, tags: ['a', 'b'] });
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });

  it('has Keycloak issue a token to teacher.01 with the teacher role and the lyon academy', async () => {
    const response = await fetch(`${endpoint('KEYCLOAK_URL')}/realms/relais/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'relais-portal',
        username: 'teacher.01',
        password: 'teacher.01',
      }),
    });
    expect(response.status).toBe(200);
    const { access_token: accessToken } = (await response.json()) as { access_token: string };
    const payloadPart = accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as {
      realm_access?: { roles?: string[] };
      academy?: unknown;
    };
    expect(claims.realm_access?.roles).toContain('teacher');
    expect(claims.academy).toBe('lyon');
  });
});
