#!/usr/bin/env node
// Issue 15.11: a third-party property-based tester checks every service's OpenAPI document against the
// running standalone process, as each role a person can hold, within a bounded time, and fails on any
// finding. Schemathesis (PyPI, pinned) lives in a virtual environment under .tools/, which git ignores.
//
//   node scripts/schemathesis/run.mjs
//
// SCHEMATHESIS_MAX_EXAMPLES (default 10) bounds each operation's generated cases, SCHEMATHESIS_JOBS (default:
// the number of cores) how many runs share the machine, SCHEMATHESIS_BUDGET_SECONDS (default 480) the
// whole step; SCHEMATHESIS_SEED (default fixed, so CI is reproducible) changes the generated data.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serviceNames } from '../../libs/host/src/service-registry.ts';

const SCHEMATHESIS_VERSION = '4.32.5';
const ROLES = ['teacher.01', 'trainer.alice', 'manager.lyon', 'ministry.dne', 'chsct.national'];
const SERVICES = serviceNames;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const venv = join(root, '.tools', 'schemathesis');
const schemathesis = join(venv, 'bin', 'schemathesis');
const reportDir = join(root, '.tools', 'schemathesis-report');
const maxExamples = positiveInteger('SCHEMATHESIS_MAX_EXAMPLES', 10);
const jobs = positiveInteger('SCHEMATHESIS_JOBS', availableParallelism());
const budgetSeconds = positiveInteger('SCHEMATHESIS_BUDGET_SECONDS', 480);
const seed = positiveInteger('SCHEMATHESIS_SEED', 1512);
const startedAt = performance.now();

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function fail(message) {
  console.error(`schemathesis: ${message}`);
  process.exit(2);
}

function elapsedSeconds() {
  return (performance.now() - startedAt) / 1000;
}

function installedVersion() {
  if (!existsSync(schemathesis)) return undefined;
  const result = spawnSync(schemathesis, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split(/\s+/).at(-1) : undefined;
}

/** The pinned Schemathesis in .tools/schemathesis; Schemathesis 4 needs Python 3.10 or later. */
function ensureSchemathesis() {
  if (installedVersion() === SCHEMATHESIS_VERSION) return;
  const python = ['python3.13', 'python3.12', 'python3.11', 'python3.10', 'python3'].find((candidate) => {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; sys.exit(sys.version_info < (3, 10))']);
    return probe.status === 0;
  });
  if (!python)
    fail('needs Python 3.10 or later with the venv module (python3 -m venv) to install Schemathesis');
  console.log(
    `schemathesis: installing ${SCHEMATHESIS_VERSION} from PyPI into .tools/schemathesis (${python})`,
  );
  rmSync(venv, { recursive: true, force: true });
  for (const [command, args] of [
    [python, ['-m', 'venv', venv]],
    [
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    ],
  ]) {
    if (spawnSync(command, args, { stdio: 'inherit' }).status !== 0)
      fail(`${command} ${args.join(' ')} failed`);
  }
  if (installedVersion() !== SCHEMATHESIS_VERSION)
    fail(`installed Schemathesis is not ${SCHEMATHESIS_VERSION}`);
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** `npm start` as a user runs it, on a free port, with demo data: the ids the runs reuse exist. */
async function startStandalone(port) {
  const log = createWriteStream(join(reportDir, 'standalone.log'));
  const child = spawn(process.execPath, [join(root, 'apps/standalone/scripts/start.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      LOG_LEVEL: 'info',
      RELAIS_SEED: 'demo',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  const seeded = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      if (line.includes('demo data seeded')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`standalone exited with ${code}; see ${join(reportDir, 'standalone.log')}`)),
    );
  });
  const timeout = setTimeout(() => child.kill('SIGTERM'), 60_000);
  try {
    await seeded;
  } finally {
    clearTimeout(timeout);
  }
  return child;
}

async function tokenOf(baseUrl, username) {
  const response = await fetch(`${baseUrl}/realms/relais/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'relais-portal',
      username,
      password: username,
    }),
  });
  if (!response.ok) throw new Error(`no token for ${username}: ${response.status}`);
  return (await response.json()).access_token;
}

async function getJson(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return response.ok ? response.json() : undefined;
}

/**
 * Ids of demo data this role may see, offered to Schemathesis next to generated ones: without them
 * every call on a course or an item stops at 404 and the rules behind it are never reached.
 */
async function knownIdsOf(baseUrl, token) {
  const courses = new Set();
  const feedback = new Set();
  for (const course of (await getJson(`${baseUrl}/api/enrollment/courses`, token)) ?? [])
    courses.add(course.id);
  const mine = await getJson(`${baseUrl}/api/enrollment/me/enrollments`, token);
  for (const enrollment of mine?.enrollments ?? []) courses.add(enrollment.courseId);
  for (const item of (await getJson(`${baseUrl}/api/feedback/me/feedback`, token)) ?? [])
    feedback.add(item.id);
  for (const courseId of courses) {
    const received = await getJson(`${baseUrl}/api/feedback/courses/${courseId}/feedback`, token);
    for (const item of received?.items ?? []) feedback.add(item.id);
  }
  return { courses: [...courses].filter(Boolean), feedback: [...feedback].filter(Boolean) };
}

/** The shared settings plus this role's known ids, as one config file. */
function configFor(role, ids) {
  const lines = [readFileSync(join(root, 'scripts/schemathesis/schemathesis.toml'), 'utf8')];
  const bindings = [];
  for (const [dictionary, parameters, values] of [
    // A course's attestation is at /me/attestations/{courseId}.pdf.
    ['courses', ['path.id', 'path.courseId'], ids.courses],
    ['feedback', ['path.fid'], ids.feedback],
  ]) {
    if (values.length === 0) continue;
    lines.push(`[dictionaries.${dictionary}]`, `values = ${JSON.stringify(values)}`, '');
    for (const parameter of parameters)
      bindings.push(`"${parameter}" = { dictionary = "${dictionary}", probability = 0.5 }`);
  }
  if (bindings.length > 0) lines.push('[parameters]', ...bindings, '');
  const file = join(reportDir, `${role}.toml`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

function runSchemathesis({ role, service, configFile, token, baseUrl, deadline }) {
  const output = join(reportDir, `${role}-${service}.txt`);
  const args = [
    '--config-file',
    configFile,
    'run',
    `${baseUrl}/api/${service}/openapi.json`,
    '--header',
    `Authorization: Bearer ${token}`,
    '--checks',
    'all',
    '--max-examples',
    String(maxExamples),
    '--seed',
    String(seed),
    // One worker per run, several runs at once: Schemathesis's threads trip a CPython AST bug
    // ("AST constructor recursion depth mismatch") on Python 3.11.
    '--workers',
    '1',
    '--generation-database',
    'none',
    '--request-timeout',
    '10',
    '--no-color',
  ];
  const started = performance.now();
  // Its crash cache (.schemathesis/) lands in the ignored report folder, not in the work tree.
  const child = spawn(schemathesis, args, { cwd: reportDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = createWriteStream(output);
  child.stdout.pipe(file);
  child.stderr.pipe(file);
  const remaining = Math.max(1, deadline - performance.now());
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, remaining);
  return once(child, 'close').then(([code]) => {
    clearTimeout(timer);
    return { role, service, code, timedOut, output, seconds: (performance.now() - started) / 1000 };
  });
}

function failuresOf(outputFile) {
  const text = readFileSync(outputFile, 'utf8');
  const start = text.search(/^=+ (FAILURES|ERRORS) =+$/m);
  const end = text.search(/^=+ (WARNINGS|SUMMARY) =+$/m);
  return start === -1 ? text.slice(-3000) : text.slice(start, end === -1 ? undefined : end);
}

async function main() {
  mkdirSync(reportDir, { recursive: true });
  ensureSchemathesis();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const standalone = await startStandalone(port);
  const deadline = performance.now() + budgetSeconds * 1000 - elapsedSeconds() * 1000;
  const results = [];
  try {
    const configs = new Map();
    for (const role of ROLES)
      configs.set(role, configFor(role, await knownIdsOf(baseUrl, await tokenOf(baseUrl, role))));
    const queue = ROLES.flatMap((role) => SERVICES.map((service) => ({ role, service })));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (performance.now() >= deadline) {
          results.push({ ...next, code: undefined, timedOut: true, seconds: 0 });
          continue;
        }
        // A fresh token per run: a run must not outlive its token.
        const token = await tokenOf(baseUrl, next.role);
        const result = await runSchemathesis({
          ...next,
          configFile: configs.get(next.role),
          token,
          baseUrl,
          deadline,
        });
        console.log(
          `schemathesis: ${next.service} as ${next.role}: ${result.code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s`,
        );
        results.push(result);
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    standalone.kill('SIGTERM');
    await once(standalone, 'exit');
  }

  const failed = results.filter((result) => result.code !== 0);
  for (const result of failed) {
    console.log(`\n########## ${result.service} as ${result.role}`);
    if (result.timedOut) console.log(`not finished within the ${budgetSeconds} s budget`);
    if (result.output) console.log(failuresOf(result.output));
  }
  console.log(
    `schemathesis ${SCHEMATHESIS_VERSION}: ${results.length - failed.length}/${results.length} runs passed ` +
      `(${ROLES.length} roles × ${SERVICES.length} services, ${maxExamples} examples, seed ${seed}) in ` +
      `${elapsedSeconds().toFixed(0)} s; full output in ${reportDir}`,
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`schemathesis: ${error.stack ?? error}`);
  process.exit(2);
});
