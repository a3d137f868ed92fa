import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import {
  databaseNames,
  differences,
  dump,
  restore,
  runDrill,
  snapshot,
  wipe,
} from '../../scripts/ops/restore-drill';
import { repositoryRoot } from './support/paths';

const { MongoClient, ObjectId, Int32, Double, Long, Binary, Timestamp, BSON } = mongoose.mongo;
const run = promisify(execFile);

/**
 * The restore drill of docs/operations.md §9 against the local MongoDB-compatible server: data shaped
 * like the services' (BSON types that a careless dump would change, unique and compound indexes, a
 * capped collection, an empty one), in four databases of a prefix of this test's own.
 */
const prefix = `ops-drill-${randomBytes(4).toString('hex')}`;
const databases = databaseNames(prefix);
let client: InstanceType<typeof MongoClient>;
const folders: string[] = [];

async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'relais-restore-drill-test-'));
  folders.push(folder);
  return folder;
}

const LARGE = 1_234;
type KeyedByName = { _id: string } & mongoose.mongo.Document;

async function seed(): Promise<number> {
  const [enrollment = '', progress = '', feedback = '', stats = ''] = databases;
  const enrolments = client.db(enrollment).collection('enrolments');
  await enrolments.insertMany(
    Array.from({ length: LARGE }, (_, index) => ({
      _id: new ObjectId(),
      teacherId: `teacher-${index}`,
      courseId: `course-${index % 17}`,
      enrolledAt: new Date(Date.UTC(2026, 8, 1) + index * 60_000),
      revision: new Int32(index % 5),
      status: index % 3 === 0 ? 'withdrawn' : 'active',
    })),
  );
  await enrolments.createIndex({ teacherId: 1, courseId: 1 }, { unique: true, name: 'teacher_course' });
  await client.db(enrollment).createCollection('outbox');
  await client
    .db(progress)
    .collection<KeyedByName>('marks')
    .insertMany([
      {
        _id: 'mark-1',
        score: new Double(5),
        weight: new Int32(5),
        sequence: Long.fromString('9007199254740993'),
      },
      {
        _id: 'mark-2',
        score: new Double(12.5),
        weight: new Int32(1),
        sequence: Long.fromNumber(2),
        note: null,
      },
    ]);
  await client
    .db(feedback)
    .collection('answers')
    .insertMany([
      {
        _id: new ObjectId(),
        answers: [
          { question: 'q1', value: new Int32(4) },
          { question: 'q2', text: 'Très utile, merci' },
        ],
        token: new Binary(Buffer.alloc(16, 9), 4),
        seenAt: new Timestamp({ t: 1_765_000_000, i: 3 }),
      },
    ]);
  await client.db(stats).createCollection('runs', { capped: true, size: 1_048_576 });
  await client
    .db(stats)
    .collection<KeyedByName>('runs')
    .insertOne({ _id: 'run-1', cells: { 'academy:01': new Int32(11), national: new Int32(93) } });
  return LARGE + 2 + 1 + 1;
}

beforeAll(async () => {
  const url = process.env['MONGO_URL'];
  if (!url) throw new Error('MONGO_URL is not set: run through npm run test:int');
  client = new MongoClient(url);
  await client.connect();
});

beforeEach(async () => {
  for (const database of databases) await client.db(database).dropDatabase();
});

afterAll(async () => {
  for (const database of databases) await client?.db(database).dropDatabase();
  await client?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the restore drill', () => {
  it('dumps, wipes and restores every database, with every count, checksum and index equal', async () => {
    const documents = await seed();
    const before = await snapshot(client, databases);

    const report = await runDrill(client, databases, await scratchFolder());

    expect(report).toMatchObject({
      ok: true,
      notWiped: [],
      dumpDifferences: [],
      restoreDifferences: [],
      collections: 5,
      documents,
    });
    // Read back independently of the drill's own comparison.
    const after = await snapshot(client, databases);
    expect(after).toEqual(before);
    expect(after[databases[0] ?? '']?.['enrolments']).toMatchObject({
      count: LARGE,
      indexes: ['teacher_course {"teacherId":1,"courseId":1} unique'],
    });
    const mark = await client
      .db(databases[1])
      .collection<KeyedByName>('marks')
      .findOne({ _id: 'mark-1' }, { promoteValues: false, promoteLongs: false });
    expect(after[databases[3] ?? '']?.['runs']?.options).toMatch(/"capped":true/);
    expect(BSON.EJSON.stringify(mark, { relaxed: false })).toBe(
      '{"_id":"mark-1","score":{"$numberDouble":"5.0"},"weight":{"$numberInt":"5"},"sequence":{"$numberLong":"9007199254740993"}}',
    );
  });

  it('finds every collection missing when the restore does not happen', async () => {
    await seed();
    const before = await snapshot(client, databases);
    await dump(client, databases, await scratchFolder());

    expect(await wipe(client, databases)).toEqual([]);

    const missing = differences(before, await snapshot(client, databases));
    expect(missing.map(({ database, collection }) => `${database}/${collection}`).sort()).toEqual(
      [
        `${databases[0]}/enrolments`,
        `${databases[0]}/outbox`,
        `${databases[1]}/marks`,
        `${databases[2]}/answers`,
        `${databases[3]}/runs`,
      ].sort(),
    );
  });

  it('finds a document that the dump lost, by count and checksum', async () => {
    await seed();
    const before = await snapshot(client, databases);
    const folder = await scratchFolder();
    await dump(client, databases, folder);
    const marks = join(folder, encodeURIComponent(databases[1] ?? ''), 'marks.ejson');
    const [first = ''] = (await readFile(marks, 'utf8')).split('\n');
    await writeFile(marks, `${first}\n`);
    await wipe(client, databases);

    await restore(client, folder);

    const found = differences(before, await snapshot(client, databases));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      database: databases[1],
      collection: 'marks',
      expected: { count: 2 },
      actual: { count: 1 },
    });
    expect(found[0]?.actual?.checksum).not.toBe(found[0]?.expected?.checksum);
  });

  it('runs as npm run ops:restore-drill, and exits 0 only after an equal restore', async () => {
    await seed();
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(repositoryRoot, 'scripts/ops/restore-drill.ts'), '--prefix', prefix],
      { cwd: repositoryRoot, env: { ...process.env }, timeout: 60_000 },
    );
    expect(stdout).toMatch(/Restore drill passed: 5 collections, 1238 documents/);
  });

  it('fails when there is nothing to restore, rather than passing on no data', async () => {
    const report = await runDrill(client, databases, await scratchFolder());
    expect(report).toMatchObject({ ok: false, collections: 0 });
  });

  it('refuses to wipe a server that is not on this machine', async () => {
    const failure = await run(
      process.execPath,
      ['--import', 'tsx', join(repositoryRoot, 'scripts/ops/restore-drill.ts')],
      {
        cwd: repositoryRoot,
        env: { ...process.env, MONGO_URL: 'mongodb://user:secret@db-0.example.org:27017,db-1.example.org/' },
        timeout: 60_000,
      },
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/Refusing to wipe databases on db-0\.example\.org, db-1\.example\.org/);
  });
});
