import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';

/** One value found where it must not be: where, and which of the values searched. */
export interface Hit {
  where: string;
  value: string;
}

const hitsIn = (where: string, text: string, values: readonly string[]): Hit[] =>
  values.filter((value) => text.includes(value)).map((value) => ({ where, value }));

/**
 * Every document of every collection of the databases, as extended JSON text, searched for the values
 * (issue 19's proof: an erased person's id, name, email and school). A database that does not exist
 * holds nothing.
 */
export async function searchMongo(url: string, databases: readonly string[], values: readonly string[]) {
  const connection = await mongoose.createConnection(url).asPromise();
  const hits: Hit[] = [];
  try {
    for (const name of databases) {
      const db = connection.useDb(name, { useCache: false }).db;
      if (!db) continue;
      for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        const documents = await db.collection(collection).find({}).toArray();
        hits.push(...hitsIn(`${name}.${collection}`, JSON.stringify(documents), values));
      }
    }
  } finally {
    await connection.close();
  }
  return hits;
}

/**
 * Every record of the topics, from their first offset to their end when asked, read by a consumer
 * group of its own: keys, values and headers, as bytes decoded to text, searched for the values.
 * Returns how many records were read beside the hits, so that a test can tell it read something.
 */
export async function searchKafka(
  brokers: readonly string[],
  topics: readonly string[],
  values: readonly string[],
) {
  const kafka = new Kafka({ clientId: 'relais-search', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) > 0) ends.set(`${topic}/${partition}`, Number(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const hits: Hit[] = [];
  let read = 0;
  if (ends.size === 0) return { hits, read };
  const groupId = `relais-search-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    const remaining = new Map(ends);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`searchKafka: ${remaining.size} partition(s) unread`)),
        60_000,
      );
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            read += 1;
            const where = `${topic}/${partition}@${message.offset}`;
            const headers = Object.entries(message.headers ?? {})
              .map(([name, value]) => `${name}=${String(value)}`)
              .join(';');
            const text = `${message.key?.toString('utf8') ?? ''}\n${message.value?.toString('utf8') ?? ''}\n${headers}`;
            hits.push(...hitsIn(where, text, values));
            const end = remaining.get(`${topic}/${partition}`);
            if (end !== undefined && Number(message.offset) + 1 >= end)
              remaining.delete(`${topic}/${partition}`);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([groupId]).catch(() => undefined);
    await cleanup.disconnect();
  }
  return { hits, read };
}

/** Lines (logs) searched for the values. */
export function searchLines(where: string, lines: readonly string[], values: readonly string[]): Hit[] {
  return lines.flatMap((line, index) => hitsIn(`${where}:${index + 1}`, line, values));
}
