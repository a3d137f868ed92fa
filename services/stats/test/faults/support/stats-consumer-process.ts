/**
 * The stats consumers alone, in a process of their own that a test can kill with SIGKILL: real Kafka,
 * the mongoose store, the same subscriptions as the service. Prints `handled <n>` after each fact so
 * the test can pick its moment. Configured by the environment the test gives it.
 */
import { KafkaEventBus } from '@relais/bus';
import { connectMongo, isMongoOutage } from '@relais/store';
import { FactIngestion, factSubscriptions, MongoTallyStore, tallyModels } from '../../../src/index';
import { testBusConfig } from '../../support/kafka-facts';
import { requiredEnv } from './required-env';

const connection = await connectMongo({
  url: requiredEnv('MONGO_URL'),
  dbName: requiredEnv('STATS_TEST_DB'),
  appName: 'stats-consumer-process',
});
const store = new MongoTallyStore(tallyModels(connection));
const bus = new KafkaEventBus({ ...testBusConfig('stats-consumer-process'), isTransient: isMongoOutage });
let handled = 0;
for (const subscription of factSubscriptions(new FactIngestion(store, async () => 0), {
  topics: {
    enrollmentFacts: requiredEnv('STATS_TEST_ENROLLMENT_TOPIC'),
    feedbackFacts: requiredEnv('STATS_TEST_FEEDBACK_TOPIC'),
  },
  groupPrefix: requiredEnv('STATS_TEST_GROUP_PREFIX'),
  fromBeginning: true,
  onHandled: () => {
    handled += 1;
    process.stdout.write(`handled ${handled}\n`);
  },
}))
  await bus.subscribe(subscription);
process.stdout.write('consuming\n');
