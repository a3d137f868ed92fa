// Measures `npm start` as a newcomer runs it (issues 16 and 22): the wall time from the command to the
// first 200 from /readyz, the readyInMs the process logs, and the resident memory of its node process
// once ready and once the demo data is seeded. Each run stops the process with SIGINT, as Ctrl-C does,
// and records whether it exited cleanly. Figures only: nothing is asserted, the machine is shared.
//
//   node scripts/start/measure-start.mjs [--runs 5] [--port 18080] [--warm-up] [-- <command…>]
//
// The command defaults to `npm start`. Each run takes the next port from --port (never one in use).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '18080' },
    // One unmeasured start first, so that every measured one is a "later start" (portal and bundle built).
    'warm-up': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const command = positionals.length > 0 ? positionals : ['npm', 'start'];
const runs = Number(values.runs);
let nextPort = Number(values.port);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function takePort() {
  while (!(await portIsFree(nextPort))) nextPort++;
  return nextPort++;
}

function childrenOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The node process that serves: the descendant of the command whose arguments name the standalone. */
function serverPid(rootPid) {
  const queue = [rootPid];
  let found;
  while (queue.length > 0) {
    const pid = queue.shift();
    try {
      const arguments_ = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const isNode = /(^|\/)node$/.test(arguments_[0] ?? '');
      if (isNode && arguments_.some((argument) => argument.includes('standalone'))) found = pid;
    } catch {
      // gone already
    }
    queue.push(...childrenOf(pid));
  }
  return found;
}

/** CPU time the server has used (user + system): steadier than wall time on a shared machine. */
function cpuMilliseconds(pid) {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return undefined;
  }
}

function residentMegabytes(pid) {
  if (pid === undefined) return undefined;
  try {
    const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kilobytes / 1024);
  } catch {
    return undefined;
  }
}

async function measureOnce() {
  const port = await takePort();
  const startedAt = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: SIGINT reaches npm, sh and node together, as Ctrl-C in a terminal does.
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let readyInMs;
  // RELAIS_SEED=none starts without demo data: nothing to wait for after /readyz.
  let seeded = process.env.RELAIS_SEED === 'none';
  const output = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (line.includes('Relais standalone is ready')) {
        const match = /"readyInMs":(\d+)/.exec(line);
        if (match) readyInMs = Number(match[1]);
      }
      if (line.includes('demo data seeded')) seeded = true;
    });
  let status;
  child.once('exit', () => (status = 'exited'));
  let readyMs;
  while (readyMs === undefined && status === undefined) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) readyMs = Math.round(performance.now() - startedAt);
    else await sleep(10);
  }
  const pid = serverPid(child.pid);
  const rssAtReady = residentMegabytes(pid);
  const cpuAtReady = cpuMilliseconds(pid);
  while (!seeded && status === undefined) await sleep(20);
  const seededMs = Math.round(performance.now() - startedAt);
  // Memory settles once the seed's requests are answered: read it after a short quiet moment.
  await sleep(500);
  const rssSeeded = residentMegabytes(pid);
  const cpuSeeded = cpuMilliseconds(pid);
  const stopAt = performance.now();
  if (status === undefined) process.kill(-child.pid, 'SIGINT');
  const { code, signal } = await exited;
  const stopMs = Math.round(performance.now() - stopAt);
  if (readyMs === undefined) {
    console.error(output.slice(-20).join('\n'));
    throw new Error(`the command exited before /readyz answered (code ${code})`);
  }
  return {
    port,
    readyMs,
    readyInMs,
    cpuAtReady,
    rssAtReady,
    seededMs,
    cpuSeeded,
    rssSeeded,
    stopMs,
    exit: code ?? signal,
    // The server's own word that every shutdown step succeeded (npm itself ends by the signal).
    clean: output.some((line) => line.includes('"failed":false') && line.includes('shutdown complete')),
  };
}

const median = (numbers) => {
  const sorted = numbers.filter((n) => typeof n === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};
const minimum = (numbers) => Math.min(...numbers.filter((n) => typeof n === 'number'));

const loadBefore = loadavg();
if (values['warm-up']) await measureOnce();
const results = [];
for (let run = 0; run < runs; run++) results.push(await measureOnce());
const loadAfter = loadavg();

const columns = [
  'readyMs',
  'readyInMs',
  'cpuAtReady',
  'rssAtReady',
  'seededMs',
  'cpuSeeded',
  'rssSeeded',
  'stopMs',
];
console.log(`command: ${command.join(' ')}; Node ${process.version}; ${availableParallelism()} cores`);
console.log(
  `load average (1 min) before ${loadBefore[0].toFixed(2)}, after ${loadAfter[0].toFixed(2)}; ` +
    'readyMs = command to first 200 from /readyz; cpuAtReady = CPU ms of the node server by then; ' +
    'rss in MB (VmRSS of the node server)',
);
console.table([
  ...results.map((result, index) => ({ run: index + 1, ...result })),
  {
    run: 'median',
    ...Object.fromEntries(columns.map((column) => [column, median(results.map((r) => r[column]))])),
  },
  {
    run: 'min',
    ...Object.fromEntries(columns.map((column) => [column, minimum(results.map((r) => r[column]))])),
  },
]);
