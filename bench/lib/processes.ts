import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@relais/testing';

export { freePort };

/** A process this bench started, and only such a process, stopped by its own id. */
export interface Started {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Milliseconds from spawning the process to its being ready for the load. */
  readyAfterMs?: number;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess, group = false): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  const signal = (name: NodeJS.Signals) => {
    try {
      // A negative id is the process group this bench created with `detached`: `npm start` and its children.
      process.kill(group ? -child.pid! : child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function waitForStatus(url: string, timeoutMs: number, wanted = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === wanted) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${wanted} within ${timeoutMs} ms`);
    await sleep(25);
  }
}

export interface StandaloneStart {
  root: string;
  /** Node flags before the entry point, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/**
 * Relais standalone as `npm start` runs it (tsx, NODE_ENV development, demo data, info logs: the
 * operator's defaults), on a free port, returned once the demo data is seeded.
 */
export async function startStandalone(options: StandaloneStart): Promise<Started> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', 'apps/standalone/src/main.ts'],
    {
      cwd: options.root,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'development',
        PORT: String(port),
        RELAIS_SEED: 'demo',
        // The operator's default, and the level that says when the demo data is seeded.
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const seeded = new Promise<void>((resolve, reject) => {
    // Every line is read (and dropped) for the whole run: a pipe nobody reads would block the server.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (line.includes('demo data seeded')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`standalone exited with ${code}:\n${tail.join('\n')}`)));
  });
  const timeout = sleep(180_000).then(() => {
    throw new Error(`standalone not seeded within 180 s:\n${tail.join('\n')}`);
  });
  try {
    await Promise.race([seeded, timeout]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    child,
    port,
    baseUrl: `http://localhost:${port}`,
    readyAfterMs: performance.now() - spawnedAt,
    stop: () => stopChild(child),
  };
}

/** A baseline server (bench/baselines), which prints `listening <port>` once it listens. */
export async function startBaseline(
  root: string,
  entry: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  await listening;
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** `npm start` itself, in a process group of its own so that its children stop with it. */
export function spawnNpmStart(
  root: string,
  port: number,
): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), RELAIS_SEED: 'demo', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return { child, stop: () => stopChild(child, true) };
}

/** Resident memory in MB of a process and of each of its descendants, read from /proc. */
export function residentMemoryTree(pid: number): { pid: number; command: string; rssMb: number }[] {
  const found: { pid: number; command: string; rssMb: number }[] = [];
  const visit = (current: number) => {
    let status: string;
    try {
      status = readFileSync(`/proc/${current}/status`, 'utf8');
    } catch {
      return;
    }
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${current}/cmdline`, 'utf8').split('\0').join(' ').trim();
    found.push({ pid: current, command, rssMb: rssKb / 1024 });
    let children = '';
    try {
      children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8');
    } catch {
      children = '';
    }
    for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
  };
  visit(pid);
  return found;
}

/** A token of a demo account through the embedded provider's password grant (demo and tests only). */
export async function demoTokens(
  baseUrl: string,
  username: string,
): Promise<{ access_token: string; id_token?: string; refresh_token?: string; expires_in: number }> {
  const response = await fetch(`${baseUrl}/realms/relais/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'relais-portal',
      username,
      password: username,
      scope: 'openid',
    }),
  });
  if (!response.ok) throw new Error(`no token for ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { access_token: string; expires_in: number };
}
