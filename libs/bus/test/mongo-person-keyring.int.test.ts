import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { describePersonKeyringContract } from '@relais/bus/testing';
import { MongoPersonKeyring } from '../src/sealing/mongo-person-keyring';
import { mongoUrlFromEnvironment } from './support/mongo-test-environment';

let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrlFromEnvironment()).asPromise();
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describePersonKeyringContract('MongoDB', async (erasedBy) =>
  MongoPersonKeyring.on(connection.useDb(`keyring-${randomUUID().slice(0, 8)}`), erasedBy),
);
