// Readiness probe of the native Kafka: polls until an admin client lists the topics, then creates
// the missing topics of deploy/kafka/topics.txt. Exit 0 when ready, 1 at the deadline.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  brokerList,
  ensureTopics,
  withKafkaAdmin,
} from '../../../libs/testing/src/infrastructure/kafka-topics';
import { readTopicsFile } from '../../../libs/testing/src/infrastructure/topics-file';
import { isAlive } from './process-alive';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    'topics-file': { type: 'string' },
    'timeout-seconds': { type: 'string', default: '60' },
    pid: { type: 'string' },
  },
});
if (!values.brokers || !values['topics-file']) {
  console.error('usage: kafka-ready --brokers host:port --topics-file path [--timeout-seconds n] [--pid n]');
  process.exit(2);
}

const topics = await readTopicsFile(values['topics-file']);
const deadline = Date.now() + Number(values['timeout-seconds']) * 1000;
let lastError = 'no attempt';
while (Date.now() < deadline && isAlive(values.pid)) {
  try {
    const created = await withKafkaAdmin(brokerList(values.brokers), (admin) => ensureTopics(admin, topics));
    console.log(
      `kafka-ready: ${topics.length} topics present` +
        (created.length > 0 ? `, created ${created.join(', ')}` : ''),
    );
    process.exit(0);
  } catch (error) {
    lastError = (error as Error).message;
    await sleep(500);
  }
}
console.error(`kafka-ready: Kafka at ${values.brokers} not ready: ${lastError}`);
process.exit(1);
