import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { demoRealmFile } from '@relais/testing';

const enrollmentMain = fileURLToPath(new URL('../../../services/enrollment/src/main.ts', import.meta.url));

/** Starts the enrollment process with `env` and returns its exit code and everything it printed. */
async function startEnrollment(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', enrollmentMain], {
    env: { PATH: process.env['PATH'], NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/**
 * A service whose configuration or dependency is missing stops at once and says which one and how
 * to fix it: no silent crash loop.
 */
describe('a service started without what it needs', () => {
  const complete = {
    MONGO_URL: 'mongodb://127.0.0.1:9/',
    KAFKA_BROKERS: '127.0.0.1:9',
    KEYCLOAK_URL: 'http://127.0.0.1:9',
    RELAIS_COUNTING_KEY: 'a-counting-key-of-at-least-32-characters',
    RELAIS_PERSON_KEY_SECRET: 'a-person-key-secret-of-at-least-32-characters',
    RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET: 'any-secret',
    TRAINER_DIRECTORY_REALM_FILE: demoRealmFile,
  };

  it('names every missing variable and what it expects', async () => {
    const { MONGO_URL: _mongo, KAFKA_BROKERS: _kafka, ...partial } = complete;
    const { code, output } = await startEnrollment(partial);
    expect(code).not.toBe(0);
    expect(output).toMatch(/MONGO_URL is missing/);
    expect(output).toMatch(/KAFKA_BROKERS is missing/);
  }, 30_000);

  it('names the unreachable database and how to start it', async () => {
    const { code, output } = await startEnrollment(complete);
    expect(code).not.toBe(0);
    const line = output.split('\n').find((candidate) => candidate.includes('MongoDB is unreachable'));
    expect(line).toBeDefined();
    expect(line).toMatch(/scripts\/infra\/infra up mongo/);
    expect(line).toMatch(/MONGO_URL/);
  }, 30_000);
});
