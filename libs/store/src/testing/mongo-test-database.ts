import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '../mongo-connection';

/**
 * A throwaway database on the MongoDB-compatible server the integration global setup resolved.
 * Fails loudly when MONGO_URL is absent: an integration test never skips.
 */
export async function openTestDatabase(
  prefix: string,
): Promise<{ connection: Connection; drop(): Promise<void> }> {
  const url = process.env['MONGO_URL'];
  if (!url) {
    throw new Error(
      'MONGO_URL is not set: run integration tests through `npm run test:int` (its global setup provides it).',
    );
  }
  const dbName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const connection = await connectMongo({ url, dbName, appName: `test-${prefix}` });
  return {
    connection,
    async drop() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
