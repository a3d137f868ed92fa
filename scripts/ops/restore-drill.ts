/*
 * Restore drill: dump every Relais database, wipe it, restore it from the dump, and prove that every
 * collection came back whole (same documents, same BSON types, same indexes). docs/operations.md §9.
 *
 *   npm run ops:restore-drill                          # the four services' databases at MONGO_URL
 *   npm run ops:restore-drill -- --prefix relais-demo  # relais-demo-enrollment, … (start:services' prefix)
 *   npm run ops:restore-drill -- --out /tmp/dump       # keep the dump (default: a temporary folder)
 *
 * The dump is written with the MongoDB Node driver (through mongoose, already a dependency), one
 * canonical Extended JSON document per line, not with mongodump: mongodump and mongorestore are Go
 * programs of github.com/mongodb/mongo-tools, whose tags (100.x.y) are not Go module versions, and the Go
 * module proxy, the only source of Go code this project's machines and CI reach, answers 403 for that
 * module at every version. Canonical Extended JSON keeps every BSON type (Int32 vs Double vs Int64,
 * dates, binaries, ObjectIds), so the restored documents are byte-for-byte the dumped ones, which the
 * checksums below verify rather than assume.
 *
 * It wipes databases: it refuses any server but one on this machine unless told the host explicitly
 * (`--allow-host`). Production is restored with Percona Backup for MongoDB, never with this script.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { serviceNames } from '../../libs/host/src/service-registry';

const { MongoClient, BSON } = mongoose.mongo;
type MongoClientInstance = InstanceType<typeof MongoClient>;
type Document = mongoose.mongo.Document;

/** The services that own a database (docs/design.md §3), named `<prefix>-<service>` as production-config does. */
export const SERVICES = serviceNames;
export const DEFAULT_PREFIX = 'relais';

/** Read documents with their BSON types intact: a Double 5 stays a Double, a Long stays a Long. */
const EXACT_TYPES = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: true,
} as const;
const INSERT_BATCH = 500;

export interface CollectionState {
  count: number;
  /** sha256 over the sorted sha256 of each document's BSON bytes: independent of the order read. */
  checksum: string;
  /** The secondary indexes, as `name key unique` lines, sorted. */
  indexes: string[];
  /** The collection's options (capped, size, validator…) as canonical Extended JSON. */
  options: string;
}
/** database → collection → state */
export type DatabaseStates = Record<string, Record<string, CollectionState>>;

interface CollectionMetadata {
  options: Document;
  indexes: Document[];
}

export function databaseNames(prefix: string = DEFAULT_PREFIX): string[] {
  return SERVICES.map((service) => `${prefix}-${service}`);
}

const fileName = (collection: string) => encodeURIComponent(collection);

function documentHash(document: Document): string {
  return createHash('sha256').update(BSON.serialize(document)).digest('hex');
}

function combinedChecksum(hashes: string[]): string {
  const combined = createHash('sha256');
  for (const hash of hashes.sort()) combined.update(hash);
  return combined.digest('hex');
}

function indexLines(indexes: readonly Document[]): string[] {
  return indexes
    .filter((index) => index['name'] !== '_id_')
    .map(
      (index) =>
        `${String(index['name'])} ${JSON.stringify(index['key'])}${index['unique'] ? ' unique' : ''}`,
    )
    .sort();
}

async function userCollections(client: MongoClientInstance, database: string) {
  const collections = await client.db(database).listCollections({}, { nameOnly: false }).toArray();
  return collections
    .filter((collection) => collection.type !== 'view' && !collection.name.startsWith('system.'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Counts, checksums and indexes of every collection of the databases, read from the server. */
export async function snapshot(
  client: MongoClientInstance,
  databases: readonly string[],
): Promise<DatabaseStates> {
  const states: DatabaseStates = {};
  for (const database of databases) {
    const collections: Record<string, CollectionState> = {};
    for (const { name, options } of await userCollections(client, database)) {
      const collection = client.db(database).collection(name);
      const hashes: string[] = [];
      for await (const document of collection.find({}, EXACT_TYPES)) hashes.push(documentHash(document));
      collections[name] = {
        count: hashes.length,
        checksum: combinedChecksum(hashes),
        indexes: indexLines(await collection.listIndexes().toArray()),
        options: BSON.EJSON.stringify(options ?? {}, { relaxed: false }),
      };
    }
    states[database] = collections;
  }
  return states;
}

/**
 * Writes `<out>/<database>/<collection>.ejson` (one canonical Extended JSON document per line) and
 * `<collection>.metadata.json` (options, indexes) for every collection, and `<out>/manifest.json` with
 * the states of what was written, computed from the documents as they went to the file.
 */
export async function dump(
  client: MongoClientInstance,
  databases: readonly string[],
  out: string,
): Promise<DatabaseStates> {
  const written: DatabaseStates = {};
  for (const database of databases) {
    const folder = join(out, encodeURIComponent(database));
    await mkdir(folder, { recursive: true });
    written[database] = {};
    for (const { name, options } of await userCollections(client, database)) {
      const collection = client.db(database).collection(name);
      const indexes = await collection.listIndexes().toArray();
      const metadata: CollectionMetadata = { options: options ?? {}, indexes };
      await writeFile(
        join(folder, `${fileName(name)}.metadata.json`),
        BSON.EJSON.stringify(metadata, { relaxed: false }),
      );
      const file = createWriteStream(join(folder, `${fileName(name)}.ejson`));
      const hashes: string[] = [];
      for await (const document of collection.find({}, EXACT_TYPES)) {
        hashes.push(documentHash(document));
        if (!file.write(`${BSON.EJSON.stringify(document, { relaxed: false })}\n`))
          await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      }
      file.end();
      await finished(file);
      written[database][name] = {
        count: hashes.length,
        checksum: combinedChecksum(hashes),
        indexes: indexLines(indexes),
        options: BSON.EJSON.stringify(metadata.options, { relaxed: false }),
      };
    }
  }
  await writeFile(join(out, 'manifest.json'), JSON.stringify({ databases: written }, null, 2));
  return written;
}

/** Drops the databases, and answers which still have collections afterwards (none, when it worked). */
export async function wipe(client: MongoClientInstance, databases: readonly string[]): Promise<string[]> {
  for (const database of databases) await client.db(database).dropDatabase();
  const left: string[] = [];
  for (const database of databases)
    if ((await userCollections(client, database)).length > 0) left.push(database);
  return left;
}

async function* dumpedDocuments(file: string): AsyncGenerator<Document> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines)
    if (line.length > 0) yield BSON.EJSON.parse(line, { relaxed: false }) as Document;
}

/** Recreates every collection of the dump, its options, documents and secondary indexes. */
export async function restore(client: MongoClientInstance, out: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    databases: DatabaseStates;
  };
  for (const [database, collections] of Object.entries(manifest.databases)) {
    const folder = join(out, encodeURIComponent(database));
    const files = new Set(await readdir(folder));
    for (const name of Object.keys(collections)) {
      const metadataFile = `${fileName(name)}.metadata.json`;
      if (!files.has(metadataFile)) throw new Error(`the dump lacks ${database}/${metadataFile}`);
      const metadata = BSON.EJSON.parse(await readFile(join(folder, metadataFile), 'utf8'), {
        relaxed: false,
      }) as CollectionMetadata;
      const db = client.db(database);
      await db.createCollection(name, metadata.options);
      const collection = db.collection(name);
      let batch: Document[] = [];
      for await (const document of dumpedDocuments(join(folder, `${fileName(name)}.ejson`))) {
        batch.push(document);
        if (batch.length === INSERT_BATCH) {
          await collection.insertMany(batch, { ordered: true });
          batch = [];
        }
      }
      if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
      const secondary = metadata.indexes
        .filter((index) => index['name'] !== '_id_')
        // v and ns describe the index as stored; createIndexes takes the definition only.
        .map(({ v: _version, ns: _namespace, ...definition }) => definition);
      if (secondary.length > 0)
        await collection.createIndexes(secondary as unknown as mongoose.mongo.IndexDescription[]);
    }
  }
}

export interface Difference {
  database: string;
  collection: string;
  expected?: CollectionState;
  actual?: CollectionState;
}

/** Every collection whose count, checksum or indexes differ, or that exists on one side only. */
export function differences(expected: DatabaseStates, actual: DatabaseStates): Difference[] {
  const found: Difference[] = [];
  for (const database of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[database] ?? {};
    const have = actual[database] ?? {};
    for (const collection of new Set([...Object.keys(want), ...Object.keys(have)]).values()) {
      const a = want[collection];
      const b = have[collection];
      if (JSON.stringify(a) !== JSON.stringify(b))
        found.push({
          database,
          collection,
          ...(a ? { expected: a } : {}),
          ...(b ? { actual: b } : {}),
        });
    }
  }
  return found;
}

export interface DrillReport {
  databases: string[];
  collections: number;
  documents: number;
  dumpFolder: string;
  /** Databases that still had collections after the wipe (the drill stops there if any). */
  notWiped: string[];
  /** Dumped files against the live data before the wipe: the dump is complete. */
  dumpDifferences: Difference[];
  /** Restored data against the data before the wipe: the restore is complete. */
  restoreDifferences: Difference[];
  ok: boolean;
}

/** Dump, wipe, restore, compare: the whole drill, with the states it compared. */
export async function runDrill(
  client: MongoClientInstance,
  databases: readonly string[],
  out: string,
): Promise<DrillReport> {
  const before = await snapshot(client, databases);
  const dumped = await dump(client, databases, out);
  const dumpDifferences = differences(before, dumped);
  const base = {
    databases: [...databases],
    collections: Object.values(before).reduce((sum, c) => sum + Object.keys(c).length, 0),
    documents: Object.values(before)
      .flatMap((c) => Object.values(c))
      .reduce((sum, state) => sum + state.count, 0),
    dumpFolder: out,
  };
  // Nothing to dump proves nothing (a wrong prefix, an empty server): a drill that checked nothing fails.
  if (base.collections === 0)
    return { ...base, notWiped: [], dumpDifferences, restoreDifferences: [], ok: false };
  // A dump that does not match the data is not a backup: the data stays where it is.
  if (dumpDifferences.length > 0)
    return { ...base, notWiped: [], dumpDifferences, restoreDifferences: [], ok: false };
  const notWiped = await wipe(client, databases);
  if (notWiped.length > 0) return { ...base, notWiped, dumpDifferences, restoreDifferences: [], ok: false };
  await restore(client, out);
  const restoreDifferences = differences(before, await snapshot(client, databases));
  return { ...base, notWiped, dumpDifferences, restoreDifferences, ok: restoreDifferences.length === 0 };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The hosts of a mongodb:// URL (several for a replica set), without credentials or ports. */
export function hostsOf(url: string): string[] {
  const authority = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(url)?.[1] ?? '';
  return authority
    .split(',')
    .filter(Boolean)
    .map((host) => host.replace(/:\d+$/, ''));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      prefix: { type: 'string', default: DEFAULT_PREFIX },
      out: { type: 'string' },
      'allow-host': { type: 'string', multiple: true, default: [] },
    },
  });
  const url = process.env['MONGO_URL'];
  if (!url) {
    console.error('MONGO_URL is not set: eval "$(scripts/infra/infra env)" first.');
    return 2;
  }
  const foreign = hostsOf(url).filter((host) => !LOOPBACK.has(host) && !values['allow-host'].includes(host));
  if (foreign.length > 0) {
    console.error(
      `Refusing to wipe databases on ${foreign.join(', ')}: the drill drops them. ` +
        `Name each host with --allow-host if that server is a scratch copy.`,
    );
    return 2;
  }
  const out = values.out ?? (await mkdtemp(join(tmpdir(), 'relais-restore-drill-')));
  const client = new MongoClient(url);
  try {
    await client.connect();
    // Printed first: if anything fails after the wipe, the data is in this folder.
    console.error(`Dump folder: ${out}`);
    const report = await runDrill(client, databaseNames(values.prefix), out);
    console.log(JSON.stringify(report, null, 2));
    console.log(
      report.ok
        ? `Restore drill passed: ${report.collections} collections, ${report.documents} documents, every count and checksum equal.`
        : report.collections === 0
          ? `Restore drill FAILED: no collection in ${report.databases.join(', ')}; nothing was checked (wrong --prefix?).`
          : `Restore drill FAILED: see notWiped, dumpDifferences and restoreDifferences above (dump kept in ${out}).`,
    );
    if (report.ok && !values.out) await rm(out, { recursive: true, force: true });
    return report.ok ? 0 : 1;
  } finally {
    await client.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
