// `npm test`: jest (services, libs, apps), then the portal's Vitest and Playwright tests. Arguments go
// to jest as before (CI passes --json --outputFile=...); the portal's results are added to that JSON
// file, so .ci/summarize.mjs's closing 'N passed, N failed' line counts the tests of all three runners.
// Arguments that pick jest tests (a path, --testPathPatterns, --selectProjects…) run jest only;
// RELAIS_PORTAL_TESTS=0 skips the portal, =1 runs it even then. Jest's two projects run one after the
// other, so that the closing lines can say each runner's wall time and peak memory (the resident and
// proportional memory of its whole process tree, sampled from /proc).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'relais-tests-'));

function outputFileOf(argv) {
  for (const [index, arg] of argv.entries()) {
    if (arg.startsWith('--outputFile=')) return arg.slice('--outputFile='.length);
    if (arg === '--outputFile') return argv[index + 1];
  }
  return undefined;
}

const requestedOutput = outputFileOf(args);
const jestOutput = requestedOutput ?? join(scratch, 'jest.json');
const jestArgs = requestedOutput ? args : [...args, '--json', `--outputFile=${jestOutput}`];
const selectsJestTests = args.some(
  (arg, index) =>
    !['--json', '--outputFile'].includes(arg) &&
    !arg.startsWith('--outputFile=') &&
    args[index - 1] !== '--outputFile',
);

/**
 * Resident kB of a process and its descendants, and their proportional share (PSS: a page shared by n
 * processes counts 1/n in each): Chromium's processes and the node processes a test starts share much
 * of their memory, which the sum of their resident sizes counts once per process. Zeros when /proc
 * cannot tell (not Linux, already gone).
 */
function treeMemoryKb(pid) {
  let resident = 0;
  let proportional = 0;
  const visit = (current) => {
    try {
      resident += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0);
      proportional += Number(
        /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${current}/smaps_rollup`, 'utf8'))?.[1] ?? 0,
      );
      const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8');
      for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return { resident, proportional };
}

const costs = [];

/** Runs a test runner, inheriting the terminal, and records its wall time and peak resident memory. */
function run(label, command, commandArgs, env = {}) {
  const started = Date.now();
  const child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const peakKb = { resident: 0, proportional: 0 };
  const sampler = setInterval(() => {
    const { resident, proportional } = treeMemoryKb(child.pid);
    peakKb.resident = Math.max(peakKb.resident, resident);
    peakKb.proportional = Math.max(peakKb.proportional, proportional);
  }, 250);
  return new Promise((resolvePromise) => {
    child.once('exit', (code) => {
      clearInterval(sampler);
      costs.push({
        label,
        seconds: (Date.now() - started) / 1000,
        peakMb: peakKb.resident / 1024,
        peakPssMb: peakKb.proportional / 1024,
      });
      resolvePromise(code ?? 1);
    });
  });
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

const jestEnv = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
let status;
if (selectsJestTests) {
  status = await run('jest', process.execPath, ['node_modules/jest/bin/jest.js', ...jestArgs], jestEnv);
} else {
  // One project at a time, each into its own JSON, merged into the one the caller asked for.
  const parts = [];
  status = 0;
  for (const project of ['unit', 'integration']) {
    const output = join(scratch, `jest-${project}.json`);
    const code = await run(
      `jest ${project}`,
      process.execPath,
      ['node_modules/jest/bin/jest.js', `--selectProjects=${project}`, '--json', `--outputFile=${output}`],
      jestEnv,
    );
    status ||= code;
    parts.push(readJson(output));
  }
  const present = parts.filter(Boolean);
  if (present.length > 0) {
    const merged = { ...present[0], testResults: [] };
    for (const key of Object.keys(merged).filter((name) => /^num[A-Z]/.test(name))) {
      merged[key] = present.reduce((sum, part) => sum + (part[key] ?? 0), 0);
    }
    merged.testResults = present.flatMap((part) => part.testResults);
    merged.success = present.length === parts.length && present.every((part) => part.success);
    writeFileSync(jestOutput, JSON.stringify(merged));
  }
}

/** Playwright's JSON report as jest-like per-file results (passed = expected or flaky). */
function playwrightResults(report) {
  const files = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      const name = resolve('apps/portal/e2e', spec.file);
      const entry = files.get(name) ?? { name, assertionResults: [] };
      for (const test of spec.tests) {
        const passed = test.status === 'expected' || test.status === 'flaky';
        const skipped = test.status === 'skipped';
        entry.assertionResults.push({
          title: spec.title,
          fullName: spec.title,
          status: skipped ? 'pending' : passed ? 'passed' : 'failed',
        });
      }
      files.set(name, entry);
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return [...files.values()];
}

const portal = [];
const portalWanted = process.env.RELAIS_PORTAL_TESTS ?? (selectsJestTests ? '0' : '1');
if (portalWanted !== '0') {
  const vitestOutput = join(scratch, 'vitest.json');
  const vitestStatus = await run('vitest', process.execPath, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--root',
    'apps/portal',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestOutput}`,
  ]);
  const vitest = readJson(vitestOutput);
  portal.push({
    runner: 'vitest',
    status: vitestStatus,
    testResults: vitest?.testResults ?? [],
    passed: vitest?.numPassedTests ?? 0,
    failed: vitest ? vitest.numFailedTests : 1,
  });

  const playwrightOutput = join(scratch, 'playwright.json');
  const playwrightStatus = await run(
    'playwright',
    process.execPath,
    ['node_modules/@playwright/test/cli.js', 'test', '--config', 'apps/portal/playwright.config.ts'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightOutput },
  );
  const playwright = readJson(playwrightOutput);
  const results = playwright ? playwrightResults(playwright) : [];
  const count = (wanted) =>
    results.flatMap((file) => file.assertionResults).filter((test) => test.status === wanted).length;
  portal.push({
    runner: 'playwright',
    status: playwrightStatus,
    testResults: results,
    passed: count('passed'),
    // A run that could not start (no Chromium, server down) still counts as a failure.
    failed: playwright && playwrightStatus === 0 ? count('failed') : Math.max(count('failed'), 1),
  });
}

const jest = readJson(jestOutput);
if (jest) {
  for (const { testResults, passed, failed } of portal) {
    jest.numPassedTests += passed;
    jest.numFailedTests += failed;
    jest.numTotalTests += passed + failed;
    jest.testResults.push(...testResults.map((file) => ({ ...file, name: resolve(file.name) })));
  }
  jest.success = jest.success && portal.every((run) => run.status === 0);
  writeFileSync(jestOutput, JSON.stringify(jest));
}
for (const { runner, passed, failed } of portal)
  console.log(`portal tests (${runner}): ${passed} passed, ${failed} failed`);
if (portal.some((run) => run.status !== 0)) status ||= 1;
for (const { label, seconds, peakMb, peakPssMb } of costs)
  console.log(
    `test cost (${label}): ${seconds.toFixed(0)} s, peak ${peakMb.toFixed(0)} MB resident (${peakPssMb.toFixed(0)} MB proportional)`,
  );
process.exit(status);
