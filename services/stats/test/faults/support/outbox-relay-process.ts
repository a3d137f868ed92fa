/**
 * An outbox relay alone, in a process of its own that a test can kill with SIGKILL: the accepted
 * writes' collection on FerretDB, real Kafka. Prints `published <n>` after each acknowledged
 * document (n: events acknowledged so far) so the test can pick its moment. Configured by the environment the test gives it.
 */
import { KafkaEventBus, MongoOutboxStore, OutboxRelay } from '@relais/bus';
import { connectMongo } from '@relais/store';
import { testBusConfig } from '../../support/kafka-facts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const connection = await connectMongo({
  url: required('MONGO_URL'),
  dbName: required('STATS_TEST_DB'),
  appName: 'outbox-relay-process',
});
let published = 0;
const relay = new OutboxRelay({
  stores: [new MongoOutboxStore(connection.collection(required('STATS_TEST_WRITES')))],
  bus: new KafkaEventBus(testBusConfig('outbox-relay-process')),
  pollIntervalMs: 100,
  leaseMs: Number(required('STATS_TEST_LEASE_MS')),
  // Small rounds: a kill then lands between a round's publish and its acknowledgement more often.
  batchSize: 20,
  onPublished: (events) => {
    published += events.length;
    process.stdout.write(`published ${published}\n`);
  },
});
relay.start();
process.stdout.write('relaying\n');
