import mongoose, { type Connection } from 'mongoose';

export interface MongoConnectionOptions {
  url: string;
  dbName: string;
  appName: string;
  serverSelectionTimeoutMs?: number;
}

/**
 * One connection per service, to its own database only (docs/design.md §3). Filters are sanitized so that a
 * `$` operator smuggled in from a request body is matched literally; code that means an operator
 * marks it with `mongoose.trusted`.
 */
export async function connectMongo(options: MongoConnectionOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    appName: options.appName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    maxPoolSize: 20,
    autoIndex: false,
    autoCreate: true,
  });
  connection.set('sanitizeFilter', true);
  try {
    await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new MongoUnavailable(options.url, error);
  }
  return connection;
}

/** Never echoes credentials that a URL may carry. */
export class MongoUnavailable extends Error {
  override readonly name = 'MongoUnavailable';
  constructor(url: string, cause: unknown) {
    super(
      `MongoDB is unreachable at ${redactUrl(url)} (${cause instanceof Error ? cause.name : 'error'}). ` +
        'Start it (scripts/infra/infra up mongo) or set MONGO_URL to a reachable server.',
    );
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username) parsed.username = '***';
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** The readiness check used by /readyz: a real round trip to the server. */
export function mongoReadiness(connection: Connection): { name: string; check(): Promise<void> } {
  return {
    name: 'mongo',
    async check() {
      const db = connection.db;
      if (!db || connection.readyState !== mongoose.ConnectionStates.connected)
        throw new Error('not connected');
      await db.admin().ping();
    },
  };
}

/** Indexes are created explicitly at start-up (autoIndex is off), so a failure stops the service. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) await model.createIndexes();
}
