import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { superviseProcess, type SupervisedProcess } from '../src/supervisor';

/** A stand-in service: answers /readyz on an ephemeral port, which it prints once listening. */
const SERVICE = `
const server = require('node:http').createServer((_req, res) => res.end('ready'));
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

interface Line {
  level: number;
  msg: string;
  process: string;
  restartInMs?: number;
  signal?: string | null;
}

function capturingLogger() {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Line);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

/** Serving once the child printed its port and /readyz answers there. */
async function servingOnItsPort(child: ChildProcess): Promise<void> {
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error('exited before it listened')));
  });
  const response = await fetch(`http://127.0.0.1:${port}/readyz`);
  if (!response.ok) throw new Error(`readyz answered ${response.status}`);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the process supervisor of start:services', () => {
  const supervised: SupervisedProcess[] = [];
  afterEach(async () => {
    await Promise.all(supervised.splice(0).map((process) => process.stop()));
  });

  it('logs a killed service and has it serving again within seconds', async () => {
    const { logger, lines } = capturingLogger();
    const service = superviseProcess({
      name: 'relais-progress',
      logger,
      start: () => spawn(process.execPath, ['-e', SERVICE], { stdio: ['ignore', 'pipe', 'inherit'] }),
      awaitServing: servingOnItsPort,
      backoff: { initialMs: 100 },
    });
    supervised.push(service);
    await service.firstServing;
    const firstPid = service.pid();
    expect(service.state()).toBe('running');

    const killedAt = Date.now();
    process.kill(firstPid as number, 'SIGKILL');
    await until(() => service.state() === 'running' && service.pid() !== firstPid, 5_000);

    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(service.deaths()).toBe(1);
    const death = lines.find((line) => line.msg.includes('died'));
    expect(death).toMatchObject({
      level: 50,
      process: 'relais-progress',
      signal: 'SIGKILL',
      restartInMs: 100,
      msg: 'relais-progress died (killed by SIGKILL); restarting in 100 ms',
    });
    expect(lines.map((line) => line.msg)).toContain('relais-progress is serving again');
  });

  it('waits twice as long after each death in a row, up to its maximum', async () => {
    const { logger, lines } = capturingLogger();
    let starts = 0;
    const service = superviseProcess({
      name: 'relais-stats',
      logger,
      // Serves the first time, then dies at once at every start, as a service whose database is gone.
      start: () => {
        starts += 1;
        return starts === 1
          ? spawn(process.execPath, ['-e', SERVICE], { stdio: ['ignore', 'pipe', 'inherit'] })
          : spawn(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' });
      },
      awaitServing: servingOnItsPort,
      backoff: { initialMs: 40, maxMs: 160 },
    });
    supervised.push(service);
    await service.firstServing;
    process.kill(service.pid() as number, 'SIGKILL');
    await until(() => lines.filter((line) => line.msg.includes('died')).length >= 5, 5_000);

    const delays = lines.filter((line) => line.msg.includes('died')).map((line) => line.restartInMs);
    expect(delays.slice(0, 5)).toEqual([40, 80, 160, 160, 160]);
    expect(lines.find((line) => line.msg.includes('exit code 3'))).toBeDefined();
  });

  it('does not restart a process it was asked to stop', async () => {
    const { logger, lines } = capturingLogger();
    const service = superviseProcess({
      name: 'relais-feedback',
      logger,
      start: () => spawn(process.execPath, ['-e', SERVICE], { stdio: ['ignore', 'pipe', 'inherit'] }),
      awaitServing: servingOnItsPort,
      backoff: { initialMs: 10 },
    });
    await service.firstServing;
    await service.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(service.state()).toBe('stopped');
    expect(service.pid()).toBeUndefined();
    expect(lines.filter((line) => line.msg.includes('died'))).toEqual([]);
  });

  it('reports a process that dies before it ever served, without restarting it', async () => {
    const { logger } = capturingLogger();
    let starts = 0;
    const service = superviseProcess({
      name: 'relais-enrollment',
      logger,
      start: () => {
        starts += 1;
        return spawn(process.execPath, ['-e', 'process.exit(1)'], { stdio: ['ignore', 'pipe', 'ignore'] });
      },
      awaitServing: servingOnItsPort,
      backoff: { initialMs: 10 },
    });
    await expect(service.firstServing).rejects.toThrow('relais-enrollment exit code 1 before it served');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(starts).toBe(1);
  });
});
