import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { kafkaBrokersFromEnvironment } from './support/kafka-test-environment';

/**
 * kafkajs asks each broker for its API versions and sends the highest version that both know, without
 * checking the broker's lowest: when a Kafka release stops serving every version kafkajs can write
 * (Kafka 4.0 removed many old ones, KIP-896), kafkajs sends a request the broker refuses. This test
 * names the API before any other test fails on it; it is the sign that the client behind libs/bus
 * must change (ADR 0024).
 */

// kafkajs does not export its protocol tables; its files are plain CommonJS.
const require = createRequire(import.meta.url);
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys') as Record<string, number>;
const { requests } = require('kafkajs/src/protocol/requests') as {
  requests: Record<string, { versions: string[] }>;
};

/** Every request that KafkaEventBus, ensureTopics and the test infrastructure send. */
const USED_BY_THE_BUS = [
  'ApiVersions',
  'Metadata',
  'Produce',
  'Fetch',
  'ListOffsets',
  'GroupCoordinator',
  'JoinGroup',
  'SyncGroup',
  'Heartbeat',
  'LeaveGroup',
  'OffsetCommit',
  'OffsetFetch',
  'DescribeGroups',
  'CreateTopics',
  'DeleteTopics',
  'DescribeConfigs',
  'AlterConfigs',
] as const;

interface VersionRange {
  min: number;
  max: number;
}

/** ApiVersions v0 over a plain socket: the broker's own answer, whatever the client library. */
async function brokerApiVersions(broker: string): Promise<Map<number, VersionRange>> {
  const [host = '', port = ''] = broker.split(':');
  const clientId = Buffer.from('protocol-versions-it');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(apiKeys['ApiVersions'] ?? 18, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);

  const response = await new Promise<Buffer>((resolve, reject) => {
    const socket = connect({ host, port: Number(port) }, () => socket.write(Buffer.concat([size, body])));
    let received = Buffer.alloc(0);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no ApiVersions answer from ${broker}`)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        socket.end();
        resolve(received.subarray(4));
      }
    });
    socket.on('error', reject);
  });

  // correlation id (4), error code (2), then [api key, min, max] int16 triples.
  expect(response.readInt16BE(4)).toBe(0);
  const count = response.readInt32BE(6);
  const versions = new Map<number, VersionRange>();
  for (let index = 0; index < count; index++) {
    const offset = 10 + index * 6;
    versions.set(response.readInt16BE(offset), {
      min: response.readInt16BE(offset + 2),
      max: response.readInt16BE(offset + 4),
    });
  }
  return versions;
}

describe('the broker and kafkajs', () => {
  it('share a version of every request the bus sends', async () => {
    const [broker = ''] = kafkaBrokersFromEnvironment();
    const served = await brokerApiVersions(broker);

    const unsupported = USED_BY_THE_BUS.flatMap((name) => {
      const key = apiKeys[name];
      const written = (requests[name]?.versions ?? []).map(Number);
      const range = key === undefined ? undefined : served.get(key);
      if (!range || written.length === 0) return [`${name}: the broker does not serve it`];
      // What kafkajs will send: its highest version, capped at the broker's highest.
      const sent = Math.min(Math.max(...written), range.max);
      return sent >= range.min
        ? []
        : [`${name}: kafkajs would send v${sent}, the broker serves v${range.min}-v${range.max}`];
    });

    expect(unsupported).toEqual([]);
  });
});
