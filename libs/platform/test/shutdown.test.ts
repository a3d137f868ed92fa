import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./fixtures/shutdown-server.ts', import.meta.url));
const WAIT_MS = 15_000;

type LogLine = Record<string, unknown>;

/** The fixture process, with its JSON log lines collected as they arrive. */
function startFixture(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    // Jest's --experimental-vm-modules must not leak into the child.
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete.filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  async function waitForLog(msg: string): Promise<LogLine> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = lines.find((line) => line.msg === msg);
      if (found) return found;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`fixture never logged "${msg}"; stderr: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return { child, lines, exited, waitForLog };
}

function getWithKeepAlive(port: number, path: string): Promise<{ status: number; body: string }> {
  const agent = new http.Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

function connectionOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('runUntilSignalled (real process)', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('drains in-flight requests, refuses new connections, closes hooks in order and exits 0', async () => {
    // Well under the 10 s default: a shutdown that waits on the keep-alive connection overruns it.
    const fixture = startFixture({ BUDGET_MS: '5000' });
    child = fixture.child;
    const { port } = (await fixture.waitForLog('listening')) as { port: number };

    const inFlight = getWithKeepAlive(port, '/api/fixture/slow');
    await fixture.waitForLog('slow request started');
    fixture.child.kill('SIGTERM');
    await fixture.waitForLog('shutdown started');

    expect(await connectionOutcome(port)).toBe('ECONNREFUSED');
    fixture.child.kill('SIGUSR2');
    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });

    expect(await fixture.exited).toBe(0);
    const hooks = fixture.lines.filter((line) => line.msg === 'close hook').map((line) => line.hook);
    expect(hooks).toEqual(['consumers', 'producer', 'database']);
    expect(fixture.lines.at(-1)).toMatchObject({ msg: 'shutdown complete', failed: false });
  }, 30_000);

  it('exits 1 and names the step that hung when the budget runs out', async () => {
    const fixture = startFixture({ HANGING_STEP: 'producer', BUDGET_MS: '300' });
    child = fixture.child;
    await fixture.waitForLog('listening');
    fixture.child.kill('SIGTERM');

    expect(await fixture.exited).toBe(1);
    expect(fixture.lines.find((line) => line.msg === 'shutdown budget exceeded')).toMatchObject({
      level: 'error',
      step: 'producer',
    });
    const hooks = fixture.lines.filter((line) => line.msg === 'close hook').map((line) => line.hook);
    expect(hooks).toEqual(['consumers', 'producer']);
  }, 30_000);
});
