import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@relais/platform';
import { demoRealmFile, freePort } from '@relais/testing';
import { startStandalone } from '../src/standalone';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The environment of a user's shell: no jest settings, NODE_ENV as given. */
function userEnv(nodeEnv: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_ENV: _jest, NODE_OPTIONS: _options, ...env } = process.env;
  return { ...env, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }), ...extra };
}

describe('the embedded identity provider in standalone mode', () => {
  it('listens on loopback unless told otherwise', async () => {
    const standalone = await startStandalone({
      port: 0,
      logger: createLogger({ service: 'standalone-test', level: 'silent' }),
      realmFile: demoRealmFile,
    });
    try {
      expect((standalone.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await standalone.stop();
    }
  });

  it.each([['production'], ['staging']])(
    '`NODE_ENV=%s npm start` stops at once with one clear line',
    (nodeEnv) => {
      const run = spawnSync('npm', ['start', '--silent'], {
        cwd: repositoryRoot,
        env: userEnv(nodeEnv),
        encoding: 'utf8',
        timeout: 60_000,
      });

      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Relais standalone cannot start: the embedded identity provider runs only with NODE_ENV=development or NODE_ENV=test/,
        ),
      ]);
    },
    60_000,
  );

  it('`npm start` without NODE_ENV runs in development', async () => {
    const port = await freePort();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: repositoryRoot,
      env: userEnv(undefined, { PORT: String(port), RELAIS_SEED: 'none', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const output: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          output.push(line);
          if (line.includes('is ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output.join('\n')}`)));
      });
      const discovery = await fetch(
        `http://localhost:${port}/realms/relais/.well-known/openid-configuration`,
      );
      expect(discovery.status).toBe(200);
    } finally {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, 'SIGTERM');
        await once(child, 'exit');
      }
    }
  }, 120_000);
});
