// Readiness probe of the MongoDB-compatible server: polls until it answers a ping.
// Exit 0 when ready, 1 at the deadline.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'timeout-seconds': { type: 'string', default: '30' } },
});
if (!values.url) {
  console.error('usage: mongo-ready --url mongodb://host:port/ [--timeout-seconds n]');
  process.exit(2);
}

const deadline = Date.now() + Number(values['timeout-seconds']) * 1000;
let lastError = 'no attempt';
while (Date.now() < deadline) {
  const connection = mongoose.createConnection(values.url, { serverSelectionTimeoutMS: 2000 });
  try {
    await connection.asPromise();
    const database = connection.db;
    if (!database) throw new Error('connected, but no database handle');
    await database.admin().ping();
    console.log('mongo-ready: ping answered');
    await connection.close();
    process.exit(0);
  } catch (error) {
    lastError = (error as Error).message;
    await connection.close().catch(() => undefined);
    await sleep(250);
  }
}
console.error(`mongo-ready: no answer to a ping: ${lastError}`);
process.exit(1);
