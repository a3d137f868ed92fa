import { jest } from '@jest/globals';
import { defaultStrategies } from '../src/infrastructure/default-strategies';
import {
  describeEndpoints,
  endpointsFromEnvironment,
  parseExportLines,
} from '../src/infrastructure/endpoints';
import type { InfrastructureEndpoints } from '../src/infrastructure/endpoints';
import { environmentStrategy } from '../src/infrastructure/environment-strategy';
import { componentsUp, nativeProvisionerStrategy } from '../src/infrastructure/native-provisioner-strategy';
import type { InfraCommandResult } from '../src/infrastructure/native-provisioner-strategy';
import { InfrastructureUnavailableError, resolveInfrastructure } from '../src/infrastructure/resolve';
import type {
  InfrastructureSource,
  InfrastructureStrategy,
  ResolutionAttempt,
  ResolvedInfrastructure,
} from '../src/infrastructure/resolve';
import { parseTopicsFile } from '../src/infrastructure/topics-file';
import { parseVersionsFile } from '../src/infrastructure/versions-file';

const endpoints: InfrastructureEndpoints = {
  kafkaBrokers: 'kafka.test:9092',
  mongoUrl: 'mongodb://mongo.test:27017/',
  keycloakUrl: 'http://keycloak.test:8080',
};

const resolvedBy = (source: InfrastructureSource): ResolvedInfrastructure => ({
  source,
  endpoints,
  startedHere: false,
  release: async () => undefined,
});

/** A strategy that records that it was attempted, in a shared log, then answers `result`. */
function fakeStrategy(
  source: InfrastructureSource,
  attempts: InfrastructureSource[],
  result: ResolutionAttempt | Error,
): InfrastructureStrategy {
  return {
    source,
    async attempt() {
      attempts.push(source);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const unavailable = (reason: string): ResolutionAttempt => ({ outcome: 'unavailable', reason });
const resolved = (source: InfrastructureSource): ResolutionAttempt => ({
  outcome: 'resolved',
  infrastructure: resolvedBy(source),
});

describe('resolveInfrastructure', () => {
  it('uses the first way that resolves and does not try the later ones', async () => {
    const attempts: InfrastructureSource[] = [];
    const infrastructure = await resolveInfrastructure([
      fakeStrategy('environment', attempts, resolved('environment')),
      fakeStrategy('testcontainers', attempts, resolved('testcontainers')),
      fakeStrategy('native-provisioner', attempts, resolved('native-provisioner')),
    ]);
    expect(infrastructure.source).toBe('environment');
    expect(attempts).toEqual(['environment']);
  });

  it('tries the next way, in order, when one is unavailable', async () => {
    const attempts: InfrastructureSource[] = [];
    const infrastructure = await resolveInfrastructure([
      fakeStrategy('environment', attempts, unavailable('not set')),
      fakeStrategy('testcontainers', attempts, unavailable('no runtime')),
      fakeStrategy('native-provisioner', attempts, resolved('native-provisioner')),
    ]);
    expect(infrastructure.source).toBe('native-provisioner');
    expect(attempts).toEqual(['environment', 'testcontainers', 'native-provisioner']);
  });

  it('prefers containers to the native provisioner when a container runtime answers', async () => {
    const attempts: InfrastructureSource[] = [];
    const infrastructure = await resolveInfrastructure([
      fakeStrategy('environment', attempts, unavailable('not set')),
      fakeStrategy('testcontainers', attempts, resolved('testcontainers')),
      fakeStrategy('native-provisioner', attempts, resolved('native-provisioner')),
    ]);
    expect(infrastructure.source).toBe('testcontainers');
    expect(attempts).toEqual(['environment', 'testcontainers']);
  });

  it('fails with every reason and the three ways to provide infrastructure when none is available', async () => {
    const attempts: InfrastructureSource[] = [];
    const resolution = resolveInfrastructure([
      fakeStrategy(
        'environment',
        attempts,
        unavailable('KAFKA_BROKERS, MONGO_URL, KEYCLOAK_URL are not set'),
      ),
      fakeStrategy('testcontainers', attempts, unavailable('no container runtime answers')),
      fakeStrategy('native-provisioner', attempts, unavailable('go: command not found')),
    ]);
    await expect(resolution).rejects.toThrow(InfrastructureUnavailableError);
    const message = await resolution.catch((error: Error) => error.message);
    expect(message).toContain('- environment: KAFKA_BROKERS, MONGO_URL, KEYCLOAK_URL are not set');
    expect(message).toContain('- testcontainers: no container runtime answers');
    expect(message).toContain('- native-provisioner: go: command not found');
    expect(message).toMatch(/export KAFKA_BROKERS=.*MONGO_URL=.*KEYCLOAK_URL=/);
    expect(message).toContain('container runtime');
    expect(message).toContain('scripts/infra/infra up');
  });

  it('lets a broken way fail loudly instead of falling back to the next one', async () => {
    const attempts: InfrastructureSource[] = [];
    const resolution = resolveInfrastructure([
      fakeStrategy('environment', attempts, unavailable('not set')),
      fakeStrategy('testcontainers', attempts, new Error('the Kafka container exited')),
      fakeStrategy('native-provisioner', attempts, resolved('native-provisioner')),
    ]);
    await expect(resolution).rejects.toThrow('the Kafka container exited');
    expect(attempts).toEqual(['environment', 'testcontainers']);
  });

  it('tries the environment, then testcontainers, then the native provisioner by default', () => {
    expect(defaultStrategies({}).map((strategy) => strategy.source)).toEqual([
      'environment',
      'testcontainers',
      'native-provisioner',
    ]);
  });
});

describe('environmentStrategy', () => {
  const complete = {
    KAFKA_BROKERS: 'broker-a:9092,broker-b:9092',
    MONGO_URL: 'mongodb://db:27017/',
    KEYCLOAK_URL: 'http://sso:8080',
  };

  it('resolves to the given endpoints and never stops them', async () => {
    const attempt = await environmentStrategy({ ...complete, TOXIPROXY_URL: 'http://toxi:8474' }).attempt();
    expect(attempt).toMatchObject({
      outcome: 'resolved',
      infrastructure: {
        source: 'environment',
        startedHere: false,
        endpoints: {
          kafkaBrokers: 'broker-a:9092,broker-b:9092',
          mongoUrl: 'mongodb://db:27017/',
          keycloakUrl: 'http://sso:8080',
          toxiproxyUrl: 'http://toxi:8474',
        },
      },
    });
  });

  it('passes Mailpit on when both its API and its SMTP port are given, and not when only one is', async () => {
    const both = await environmentStrategy({
      ...complete,
      MAILPIT_URL: 'http://mail:8025',
      MAILPIT_SMTP: 'mail:1025',
    }).attempt();
    expect(both).toMatchObject({
      infrastructure: { endpoints: { mailpit: { url: 'http://mail:8025', smtp: 'mail:1025' } } },
    });
    const half = await environmentStrategy({ ...complete, MAILPIT_URL: 'http://mail:8025' }).attempt();
    expect(half).toMatchObject({ outcome: 'resolved' });
    expect(half.outcome === 'resolved' && 'mailpit' in half.infrastructure.endpoints).toBe(false);
  });

  it('is unavailable when none of the variables is set (blank counts as unset)', async () => {
    const attempt = await environmentStrategy({ KAFKA_BROKERS: '  ' }).attempt();
    expect(attempt).toEqual({ outcome: 'unavailable', reason: expect.stringContaining('KAFKA_BROKERS') });
  });

  it('refuses a half-given environment and names what is missing', async () => {
    await expect(
      environmentStrategy({ KAFKA_BROKERS: 'k:9092', MONGO_URL: 'mongodb://m/' }).attempt(),
    ).rejects.toThrow(/KEYCLOAK_URL is not/);
  });

  it('reports which variables are present and missing', () => {
    expect(endpointsFromEnvironment({ MONGO_URL: 'mongodb://m/' })).toEqual({
      kind: 'partial',
      present: ['MONGO_URL'],
      missing: ['KAFKA_BROKERS', 'KEYCLOAK_URL'],
    });
  });
});

describe('nativeProvisionerStrategy', () => {
  const envOutput = [
    'export KAFKA_BROKERS=127.0.0.1:9092',
    'export MONGO_URL=mongodb://127.0.0.1:27017/',
    'export KEYCLOAK_URL=http://127.0.0.1:8180',
    'export TOXIPROXY_URL=http://127.0.0.1:8474',
    'export MAILPIT_URL=http://127.0.0.1:8025',
    'export MAILPIT_SMTP=127.0.0.1:1025',
  ].join('\n');
  const status = (up: readonly string[]): string =>
    ['toxiproxy', 'mongo', 'kafka', 'keycloak']
      .map((name) => (up.includes(name) ? `${name}  up  -  endpoint (pid 1)` : `${name}  down  -`))
      .join('\n');

  /** A fake scripts/infra/infra: `up` brings everything up unless told to fail. */
  function fakeInfra(
    initiallyUp: readonly string[],
    upFails: { afterStarting: readonly string[] } | null = null,
  ) {
    let running = new Set(initiallyUp);
    const calls: string[][] = [];
    const run = jest.fn(async (args: readonly string[]): Promise<InfraCommandResult> => {
      calls.push([...args]);
      switch (args[0]) {
        case 'status':
          return { exitCode: running.size === 4 ? 0 : 3, output: status([...running]) };
        case 'up':
          if (upFails) {
            upFails.afterStarting.forEach((name) => running.add(name));
            return { exitCode: 1, output: 'keycloak: the realm file does not exist' };
          }
          running = new Set(['toxiproxy', 'mongo', 'kafka', 'keycloak']);
          return { exitCode: 0, output: 'infra: up in 9.0s' };
        case 'env':
          return { exitCode: 0, output: envOutput };
        case 'down':
          args.slice(1).forEach((name) => running.delete(name));
          return { exitCode: 0, output: '' };
        default:
          throw new Error(`unexpected infra command ${args.join(' ')}`);
      }
    });
    return { run, calls, running: () => running };
  }

  it("resolves to the provisioner's endpoints", async () => {
    const infra = fakeInfra([]);
    const attempt = await nativeProvisionerStrategy(infra.run).attempt();
    expect(attempt.outcome).toBe('resolved');
    if (attempt.outcome !== 'resolved') return;
    expect(attempt.infrastructure.endpoints).toEqual({
      kafkaBrokers: '127.0.0.1:9092',
      mongoUrl: 'mongodb://127.0.0.1:27017/',
      keycloakUrl: 'http://127.0.0.1:8180',
      toxiproxyUrl: 'http://127.0.0.1:8474',
      mailpit: { url: 'http://127.0.0.1:8025', smtp: '127.0.0.1:1025' },
    });
    expect(attempt.infrastructure.startedHere).toBe(true);
  });

  it('stops only the components it started, leaving those a developer started running', async () => {
    const infra = fakeInfra(['kafka', 'keycloak']);
    const attempt = await nativeProvisionerStrategy(infra.run).attempt();
    if (attempt.outcome !== 'resolved') throw new Error('expected the provisioner to resolve');
    await attempt.infrastructure.release();
    expect(infra.calls).toContainEqual(['down', 'toxiproxy', 'mongo']);
    expect([...infra.running()].sort()).toEqual(['kafka', 'keycloak']);
  });

  it('stops nothing when everything was already up', async () => {
    const infra = fakeInfra(['toxiproxy', 'mongo', 'kafka', 'keycloak']);
    const attempt = await nativeProvisionerStrategy(infra.run).attempt();
    if (attempt.outcome !== 'resolved') throw new Error('expected the provisioner to resolve');
    expect(attempt.infrastructure.startedHere).toBe(false);
    await attempt.infrastructure.release();
    expect(infra.calls.filter((call) => call[0] === 'down')).toEqual([]);
  });

  it("is unavailable with the provisioner's last words when `up` fails, and stops what it did start", async () => {
    const infra = fakeInfra([], { afterStarting: ['toxiproxy', 'mongo'] });
    const attempt = await nativeProvisionerStrategy(infra.run).attempt();
    expect(attempt).toEqual({
      outcome: 'unavailable',
      reason: expect.stringContaining('keycloak: the realm file does not exist'),
    });
    expect(infra.calls).toContainEqual(['down', 'toxiproxy', 'mongo']);
    expect(infra.running().size).toBe(0);
  });
});

describe('parsers', () => {
  it('reads `export NAME=value` lines and ignores the rest', () => {
    expect(parseExportLines('noise\nexport A_B=x:1\n  export QUOTED="q v"\nexport lower=no\n')).toEqual({
      A_B: 'x:1',
      QUOTED: 'q v',
    });
  });

  it('reads which components `infra status` reports up', () => {
    const output = [
      'toxiproxy  up       -  http://127.0.0.1:8474 (pid 4)',
      'mongo      down     -',
      'kafka      up       -  127.0.0.1:9092 (pid 5)',
      'keycloak   down     -  starting or stuck: pid 6 runs but does not listen yet',
    ].join('\n');
    expect([...componentsUp(output)]).toEqual(['toxiproxy', 'kafka']);
  });

  it('reads the topics file, skipping comments and blank lines', () => {
    expect(
      parseTopicsFile('# comment\n\nenrollment.facts.v1 6 -1\n  feedback.facts.v1.dlq   3 1209600000 \n'),
    ).toEqual([
      { topic: 'enrollment.facts.v1', partitions: 6, retentionMs: -1 },
      { topic: 'feedback.facts.v1.dlq', partitions: 3, retentionMs: 1209600000 },
    ]);
  });

  it('rejects a topics line without a positive partition count or a retention, naming the line', () => {
    expect(() => parseTopicsFile('# topics\nenrollment.events.v1\n')).toThrow(/line 2/);
    expect(() => parseTopicsFile('enrollment.events.v1 0 -1\n')).toThrow(/line 1/);
    expect(() => parseTopicsFile('enrollment.events.v1 6\n')).toThrow(/line 1.*retention/);
    expect(() => parseTopicsFile('enrollment.events.v1 6 0\n')).toThrow(/line 1/);
  });

  it('reads pinned versions and rejects what a shell would read differently', () => {
    expect(parseVersionsFile('# pins\nKAFKA_IMAGE=apache/kafka:3.9.1\n\nMONGO_IMAGE=mongo:7.0\n')).toEqual({
      KAFKA_IMAGE: 'apache/kafka:3.9.1',
      MONGO_IMAGE: 'mongo:7.0',
    });
    expect(() => parseVersionsFile('KAFKA_IMAGE="apache/kafka:3.9.1" # quoted\n')).toThrow(/KAFKA_IMAGE/);
  });

  it('never prints credentials found in endpoint URLs', () => {
    const line = describeEndpoints({ ...endpoints, mongoUrl: 'mongodb://relais:s3cret@db.test:27017/' });
    expect(line).not.toContain('s3cret');
    expect(line).toContain('mongodb://***@db.test:27017/');
  });
});
