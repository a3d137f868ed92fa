import { capturingLog } from '../../mothers/capturing-log';
import { randomUUID } from 'node:crypto';
import type { IdentityEventCursorStore } from '../../../src/infrastructure/identity/identity-event-cursor-store';
import {
  userDeletionPoller,
  type UserDeletionPollerOptions,
} from '../../../src/infrastructure/identity/user-deletion-poller';
import { InMemoryIdentityEventCursorStore } from '../../../src/infrastructure/memory/in-memory-identity-event-cursor-store';
import { FakeKeycloak, userDeleted } from './fake-keycloak';

const START = Date.parse('2026-12-07T09:00:00Z');

describe('the poller of Keycloak’s user deletions', () => {
  let keycloak: FakeKeycloak;
  let now: number;
  let cursors: IdentityEventCursorStore;
  let called: string[];
  let log: ReturnType<typeof capturingLog>;

  beforeEach(async () => {
    keycloak = await FakeKeycloak.start();
    now = START;
    cursors = new InMemoryIdentityEventCursorStore();
    called = [];
    log = capturingLog();
  });
  afterEach(async () => keycloak.stop());

  const poller = (options: Partial<UserDeletionPollerOptions> = {}) =>
    userDeletionPoller({
      keycloakUrl: `${keycloak.url}/`,
      clientSecret: keycloak.clientSecret,
      cursors,
      onUserDeleted: async (userId) => {
        called.push(userId);
      },
      log,
      now: () => now,
      ...options,
    });
  const warnings = () =>
    log.lines.filter((line) => line.level === 'warn').map((line) => line.fields['reason']);

  it('starts from now on its first start: deletions before it listened are not its business', async () => {
    keycloak.events.push(userDeleted('before-1', START - 60_000), userDeleted('before-2', START - 11_000));
    const job = poller();

    await job.runOnce();
    keycloak.events.push(userDeleted('after', START + 5_000));
    now = START + 30_000;
    await job.runOnce();

    expect(called).toEqual(['after']);
    expect((await cursors.read('keycloak-admin-events/relais'))?.time).toBe(START + 5_000);
  });

  it('keeps "now" of its first start across a restart that came before any deletion', async () => {
    await poller().runOnce();
    keycloak.events.push(userDeleted('between', START + 60_000));
    now = START + 120_000;

    await poller().runOnce();

    expect(called).toEqual(['between']);
  });

  it('hands each deleted user to the callback once, oldest first, through pages of at most `pageSize`', async () => {
    const job = poller({ pageSize: 2 });
    await job.runOnce();
    const ids = ['user-3', 'user-1', 'user-5', 'user-2', 'user-4'];
    for (const [index, id] of ids.entries()) {
      keycloak.events.push(userDeleted(id, START + 1_000 * Number(id.slice(-1)) + index));
    }

    await job.runOnce();
    await job.runOnce();

    expect(called).toEqual(['user-1', 'user-2', 'user-3', 'user-4', 'user-5']);
    const queries = keycloak.eventQueries.slice(1, 4);
    expect(queries.map((query) => [query.get('first'), query.get('max')])).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
    expect(queries[0]?.getAll('resourceTypes')).toEqual(['USER']);
    expect(queries[0]?.getAll('operationTypes')).toEqual(['DELETE']);
    expect(queries[0]?.get('direction')).toBe('asc');
  });

  it('tells apart events of the same millisecond, whether they arrive in one pass or two', async () => {
    const job = poller({ pageSize: 2 });
    await job.runOnce();
    const instant = START + 2_000;
    keycloak.events.push(userDeleted('same-1', instant), userDeleted('same-2', instant));
    await job.runOnce();
    keycloak.events.push(userDeleted('same-3', instant));

    await job.runOnce();
    await job.runOnce();

    expect(called).toEqual(['same-1', 'same-2', 'same-3']);
  });

  it('reads again a deletion stored late, a little older than the latest handled', async () => {
    const job = poller({ lookbackMs: 10_000 });
    await job.runOnce();
    keycloak.events.push(userDeleted('quick', START + 8_000));
    await job.runOnce();
    keycloak.events.push(userDeleted('slow', START + 7_000));

    await job.runOnce();

    expect(called).toEqual(['quick', 'slow']);
    const cursor = await cursors.read('keycloak-admin-events/relais');
    expect(cursor?.time).toBe(START + 8_000);
    expect(cursor?.handled.map((event) => event.time)).toEqual([START + 8_000, START + 7_000]);
  });

  it('forgets the ids of events older than the lookback, keeping the cursor small', async () => {
    const job = poller({ lookbackMs: 10_000 });
    await job.runOnce();
    keycloak.events.push(userDeleted('early', START + 1_000), userDeleted('late', START + 20_000));

    await job.runOnce();

    expect((await cursors.read('keycloak-admin-events/relais'))?.handled).toEqual([
      { id: keycloak.events[1]?.id, time: START + 20_000 },
    ]);
  });

  it('keeps its token until shortly before it expires, then asks for a new one', async () => {
    keycloak.tokenLifetimeSeconds = 300;
    const job = poller();

    await job.runOnce();
    now += 260_000;
    await job.runOnce();
    expect(keycloak.tokensIssued).toBe(1);

    now += 20_000;
    await job.runOnce();
    expect(keycloak.tokensIssued).toBe(2);
  });

  it('asks for a new token when Keycloak refuses one that has not expired (it restarted)', async () => {
    const job = poller();
    await job.runOnce();
    keycloak.forgetTokens();
    keycloak.events.push(userDeleted('after-restart', START + 1_000));

    await job.runOnce();

    expect(called).toEqual(['after-restart']);
    expect(keycloak.tokensIssued).toBe(2);
    expect(warnings()).toEqual([]);
  });

  it('logs Keycloak down by the error’s name, does not crash, and the next pass catches up', async () => {
    const job = poller();
    await job.runOnce();
    keycloak.events.push(userDeleted('while-down', START + 1_000));
    keycloak.state = 'down';

    await expect(job.runOnce()).resolves.toBeUndefined();
    expect(called).toEqual([]);
    expect(warnings()).toEqual(['KeycloakUnavailable']);

    keycloak.state = 'up';
    await job.runOnce();
    expect(called).toEqual(['while-down']);
  });

  it('gives up on a Keycloak that does not answer in time, as on one that is down', async () => {
    const job = poller({ requestTimeoutMs: 200 });
    keycloak.state = 'hang';

    await job.runOnce();

    expect(warnings()).toEqual(['KeycloakUnavailable']);
  });

  it('names a refused secret or a missing view-events role KeycloakRefused', async () => {
    await poller({ clientSecret: 'wrong' }).runOnce();
    keycloak.forbidden = true;
    await poller().runOnce();

    expect(warnings()).toEqual(['KeycloakRefused', 'KeycloakRefused']);
  });

  it('refuses a malformed answer whole, calls nothing, and reads it again on the next pass', async () => {
    const job = poller();
    await job.runOnce();
    const deletion = userDeleted('in-a-broken-page', START + 1_000);
    keycloak.events.push(deletion);
    const pages = [
      { status: 200, body: '<html>proxy error</html>' },
      { status: 200, body: JSON.stringify({ events: [deletion] }) },
      { status: 200, body: JSON.stringify([deletion, { ...deletion, id: undefined, time: START + 1_001 }]) },
      { status: 200, body: JSON.stringify([{ ...deletion, time: String(deletion.time) }]) },
    ];
    for (const page of pages) {
      keycloak.eventsAnswer = page;
      await job.runOnce();
    }
    expect(called).toEqual([]);
    expect(warnings()).toEqual(pages.map(() => 'KeycloakAnswerMalformed'));

    keycloak.eventsAnswer = undefined;
    await job.runOnce();
    expect(called).toEqual(['in-a-broken-page']);
  });

  it('passes over events that are not for sure a user’s deletion, and counts them', async () => {
    const job = poller();
    await job.runOnce();
    const base = userDeleted('still-here', START + 1_000);
    keycloak.eventsAnswer = {
      status: 200,
      body: JSON.stringify([
        { ...base, id: randomUUID(), resourcePath: 'users/still-here/role-mappings/realm' },
        { ...base, id: randomUUID(), operationType: 'UPDATE' },
        { ...base, id: randomUUID(), resourceType: 'GROUP' },
        { ...base, id: randomUUID(), error: 'unknown_error' },
        { ...base, id: randomUUID(), resourcePath: undefined },
        userDeleted('gone', START + 2_000),
      ]),
    };

    await job.runOnce();

    expect(called).toEqual(['gone']);
    expect(log.lines.at(-1)).toEqual({
      level: 'info',
      message: 'Keycloak’s user deletions handed to erasure',
      fields: { usersDeleted: 1, notDeletions: 5 },
    });
  });

  it('retries a failed callback on the next pass, never skipping it nor those after it', async () => {
    let failures = 1;
    const job = poller({
      onUserDeleted: async (userId) => {
        called.push(userId);
        if (userId === 'second' && failures-- > 0) throw new TypeError('erasure request not accepted');
      },
    });
    await job.runOnce();
    keycloak.events.push(
      userDeleted('first', START + 1_000),
      userDeleted('second', START + 2_000),
      userDeleted('third', START + 3_000),
    );

    await job.runOnce();
    expect(called).toEqual(['first', 'second']);
    expect(log.lines.at(-1)).toEqual({
      level: 'warn',
      message: 'a pass over Keycloak’s user deletions failed',
      fields: { reason: 'TypeError', usersDeleted: 1, notDeletions: 0 },
    });

    await job.runOnce();
    expect(called).toEqual(['first', 'second', 'second', 'third']);
  });

  it('after a crash between the callback and the cursor’s save, calls again for that one deletion only', async () => {
    const memory = new InMemoryIdentityEventCursorStore();
    let crashes = 0;
    cursors = {
      read: (name) => memory.read(name),
      save: async (name, next, previous) => {
        if (previous !== undefined && next.handled.length === 2 && crashes++ === 0) {
          throw new Error('process killed');
        }
        return memory.save(name, next, previous);
      },
    };
    await poller().runOnce();
    keycloak.events.push(
      userDeleted('saved', START + 1_000),
      userDeleted('unsaved', START + 1_001),
      userDeleted('next', START + 1_002),
    );

    await poller().runOnce();
    await poller().runOnce();

    expect(called).toEqual(['saved', 'unsaved', 'unsaved', 'next']);
  });

  it('stops a process that fell behind another, so the cursor never goes back', async () => {
    const other = poller();
    let otherRan = false;
    const behind = poller({
      onUserDeleted: async (userId) => {
        called.push(userId);
        if (!otherRan) {
          otherRan = true;
          await other.runOnce();
        }
      },
    });
    await other.runOnce();
    keycloak.events.push(userDeleted('a', START + 1_000), userDeleted('b', START + 2_000));

    await behind.runOnce();

    // "a" by both (the slower one's callback was running), "b" by the one ahead only.
    expect(called.sort()).toEqual(['a', 'a', 'b']);
    expect((await cursors.read('keycloak-admin-events/relais'))?.time).toBe(START + 2_000);
  });

  it('writes counts only, never the id of a person', async () => {
    const job = poller();
    await job.runOnce();
    const userId = randomUUID();
    keycloak.events.push(userDeleted(userId, START + 1_000));
    await job.runOnce();
    keycloak.state = 'down';
    await job.runOnce();

    expect(called).toEqual([userId]);
    expect(log.lines.map((line) => line.message)).toEqual([
      'Keycloak’s user deletions handed to erasure',
      'a pass over Keycloak’s user deletions failed',
    ]);
    const written = JSON.stringify(log.lines);
    expect(written).not.toContain(userId);
    expect(written).not.toContain(keycloak.events[0]?.id);
    expect(written).not.toContain(keycloak.url);
  });

  it('runs a first pass when started, and stop waits for it', async () => {
    const job = poller();

    job.start();
    await job.stop();

    expect(await cursors.read('keycloak-admin-events/relais')).toEqual({
      time: START,
      handled: [],
      revision: 1,
    });
  });
});
