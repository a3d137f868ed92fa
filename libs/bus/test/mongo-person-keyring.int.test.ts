import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '@relais/store';
import { describePersonKeyringContract } from '@relais/bus/testing';
import { MongoPersonKeyring } from '../src/sealing/mongo-person-keyring';
import { mongoUrlFromEnvironment } from './support/mongo-test-environment';

let connection: Connection;

beforeAll(async () => {
  // As production connects: filters sanitised, which native collection calls must not depend on.
  connection = await connectMongo({
    url: mongoUrlFromEnvironment(),
    dbName: 'keyring-contract',
    appName: 'test',
  });
});

afterAll(async () => {
  await connection.close();
});

const databases: string[] = [];
afterEach(async () => {
  for (const name of databases.splice(0)) await connection.useDb(name).dropDatabase();
});

describePersonKeyringContract('MongoDB', async (erasedBy) => {
  const name = `keyring-${randomUUID().slice(0, 8)}`;
  databases.push(name);
  return MongoPersonKeyring.on(connection.useDb(name), erasedBy);
});
