import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Connection } from 'mongoose';
import { connectMongo } from '@relais/store';
import { openTestDatabase } from '@relais/store/testing';
import { clientCredentialsGrant, keycloakAdmin } from '@relais/testing';
import type { EnrollmentLog } from '../../../src/application/ports';
import {
  identityEventsClientId,
  userDeletionPoller,
} from '../../../src/infrastructure/identity/user-deletion-poller';
import {
  identityEventCursorModel,
  MongoIdentityEventCursorStore,
} from '../../../src/infrastructure/mongo/mongo-identity-event-cursor-store';

// A real Keycloak 26 that imported deploy/keycloak/realm-relais.json (scripts/infra), and MongoDB for
// the cursor: what enrollment's host will run.
const keycloakUrl = process.env['KEYCLOAK_URL']?.replace(/\/+$/, '');
if (!keycloakUrl) {
  throw new Error('KEYCLOAK_URL is not set: start Keycloak with deploy/keycloak/realm-relais.json imported.');
}
const realmFile = JSON.parse(
  readFileSync(new URL('../../../../../deploy/keycloak/realm-relais.json', import.meta.url), 'utf8'),
) as { clients: { clientId: string; secret?: string }[] };
const secretOf = (clientId: string) =>
  realmFile.clients.find((client) => client.clientId === clientId)?.secret ?? '';

// The demo realm's user administrator (manage-users): people are created and deleted as an
// administrator does, through the admin API, which records the deletion as an admin event.
const USER_ADMIN_CLIENT = 'relais-demo-user-admin';

/** A token of one of the realm file's clients, or an error saying why a Keycloak would not know it. */
async function tokenOf(clientId: string): Promise<string> {
  try {
    return await clientCredentialsGrant({
      baseUrl: keycloakUrl!,
      clientId,
      clientSecret: secretOf(clientId),
    });
  } catch (error) {
    throw new Error(
      `${(error as Error).message}. The Keycloak at KEYCLOAK_URL imported a realm file older than this one; ` +
        '`scripts/infra/infra up` restarts a Keycloak whose realm file changed.',
    );
  }
}

/** A person with distinctive values, created then deleted by the administrator: his id. */
async function personDeletedInKeycloak(): Promise<string> {
  const admin = await keycloakAdmin(keycloakUrl!);
  const username = `erasure-${randomUUID().slice(0, 8)}`;
  const userId = await admin.createTeacher({
    username,
    firstName: 'Effacé',
    lastName: 'Bientôt',
    email: `${username}@demo.relais.invalid`,
    academy: 'lyon',
    district: 'lyon-d1',
    school: '0690001A',
  });
  expect(userId).toMatch(/^[0-9a-f-]{36}$/);
  await admin.deleteUser(userId);
  return userId;
}

interface Line {
  level: 'info' | 'warn';
  fields: Record<string, unknown>;
  message: string;
}

describe('the poller of user deletions, on Keycloak and MongoDB', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  const lines: Line[] = [];
  const log: EnrollmentLog = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
  };
  // The ids this file deleted: the realm is shared, and another suite may delete people meanwhile.
  const deletedHere = new Set<string>();
  const calls: string[] = [];
  const callsHere = () => calls.filter((userId) => deletedHere.has(userId));
  let failNext: string | undefined;

  const pollerOn = (connection: Connection) =>
    userDeletionPoller({
      keycloakUrl: keycloakUrl!,
      clientSecret: secretOf(identityEventsClientId),
      cursors: new MongoIdentityEventCursorStore(identityEventCursorModel(connection)),
      onUserDeleted: async (userId) => {
        calls.push(userId);
        if (userId === failNext) {
          failNext = undefined;
          throw new RangeError('the erasure request was not accepted');
        }
      },
      log,
    });
  const cursorIn = (connection: Connection) =>
    new MongoIdentityEventCursorStore(identityEventCursorModel(connection)).read(
      'keycloak-admin-events/relais',
    );

  beforeAll(async () => {
    // Both clients of this realm file, or a message that says what to restart rather than four failures.
    await Promise.all([tokenOf(USER_ADMIN_CLIENT), tokenOf(identityEventsClientId)]);
    database = await openTestDatabase('enrollment-identity');
  });
  afterAll(async () => database?.drop());

  it('hands a person deleted by an administrator to the callback once, and nothing on the next pass', async () => {
    const poller = pollerOn(database.connection);
    await poller.runOnce();
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);

    const userId = await personDeletedInKeycloak();
    deletedHere.add(userId);
    await poller.runOnce();
    expect(callsHere()).toEqual([userId]);

    await poller.runOnce();
    expect(callsHere()).toEqual([userId]);
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('leaves the cursor where it was when the callback fails, and the next pass calls again', async () => {
    const poller = pollerOn(database.connection);
    const userId = await personDeletedInKeycloak();
    deletedHere.add(userId);
    failNext = userId;
    const before = await cursorIn(database.connection);

    await poller.runOnce();
    expect(lines.at(-1)).toMatchObject({ level: 'warn', fields: { reason: 'RangeError' } });
    expect(await cursorIn(database.connection)).toEqual(before);

    await poller.runOnce();
    expect(callsHere().filter((id) => id === userId)).toEqual([userId, userId]);
    expect((await cursorIn(database.connection))?.revision).toBeGreaterThan(before?.revision ?? 0);
  });

  it('calls nothing again after a restart that reads the persisted cursor', async () => {
    const restarted = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: database.connection.name,
      appName: 'test-enrollment-identity-restart',
    });
    try {
      const before = callsHere();

      await pollerOn(restarted).runOnce();

      expect(callsHere()).toEqual(before);
      expect(before).toHaveLength(3);
    } finally {
      await restarted.close();
    }
  });

  it('wrote counts and error names only, never the id of a person', () => {
    const written = JSON.stringify(lines);
    expect(deletedHere.size).toBe(2);
    for (const userId of deletedHere) expect(written).not.toContain(userId);
  });
});
