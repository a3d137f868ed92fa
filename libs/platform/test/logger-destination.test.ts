import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { symbols } from 'pino';
import { createLogger } from '../src';

const FIXTURE = fileURLToPath(new URL('./fixtures/burst-then-exit.ts', import.meta.url));
const QUIET_FIXTURE = fileURLToPath(new URL('./fixtures/one-line-then-quiet.ts', import.meta.url));

describe('the default log destination (stdout)', () => {
  it('writes asynchronously, not one system call per line while requests wait', () => {
    const logger = createLogger({ service: 'enrollment' });
    const stream = (logger as unknown as Record<symbol, { sync?: boolean }>)[symbols.streamSym];
    expect(stream?.sync).toBe(false);
  });

  it.each([0, 1])('loses no line when the process exits with code %i right after a burst', (code) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE], {
      env: { ...process.env, NODE_OPTIONS: '', BURST_LINES: '5000', BURST_EXIT_CODE: String(code) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status).toBe(code);
    const indexes = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { index: number }).index);
    expect(indexes).toEqual(Array.from({ length: 5000 }, (_, index) => index));
  });

  it('shows a lone line of a quiet service at once, without waiting for a full buffer or the exit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', QUIET_FIXTURE], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const nothingYet = setTimeout(() => child.stdout.destroy(new Error('no line within 5 s')), 5_000);
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      clearTimeout(nothingYet);
      expect(JSON.parse(chunk.toString('utf8'))).toMatchObject({ index: 0, msg: 'request completed' });
      // Still running: the line did not wait for the process to exit (in 30 s) to flush it.
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  }, 20_000);
});
