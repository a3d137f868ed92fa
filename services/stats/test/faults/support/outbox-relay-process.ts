/**
 * An outbox relay alone, in a process of its own that a test can kill with SIGKILL: the accepted
 * writes' collection on FerretDB, real Kafka. Prints `published <n>` after each acknowledged
 * document (n: events acknowledged so far) so the test can pick its moment. Configured by the environment the test gives it.
 */
import { KafkaEventBus, MongoOutboxStore, OutboxRelay } from '@relais/bus';
import { connectMongo } from '@relais/store';
import { testBusConfig } from '../../support/kafka-facts';
import { requiredEnv } from './required-env';

const connection = await connectMongo({
  url: requiredEnv('MONGO_URL'),
  dbName: requiredEnv('STATS_TEST_DB'),
  appName: 'outbox-relay-process',
});
let published = 0;
const relay = new OutboxRelay({
  stores: [new MongoOutboxStore(connection.collection(requiredEnv('STATS_TEST_WRITES')))],
  bus: new KafkaEventBus(testBusConfig('outbox-relay-process')),
  pollIntervalMs: 100,
  leaseMs: Number(requiredEnv('STATS_TEST_LEASE_MS')),
  // Small rounds: a kill then lands between a round's publish and its acknowledgement more often.
  batchSize: 20,
  onPublished: (events) => {
    published += events.length;
    process.stdout.write(`published ${published}\n`);
  },
});
relay.start();
process.stdout.write('relaying\n');
