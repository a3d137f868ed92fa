import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { symbols } from 'pino';
import { createLogger } from '../src';

const FIXTURE = fileURLToPath(new URL('./fixtures/burst-then-exit.ts', import.meta.url));

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
});
