/**
 * `npm run bench` (docs/design.md §8): every scenario with its baselines measured in the same run, a table per
 * scenario on stdout, and docs/benchmarks.md rewritten between its markers with the figures, the
 * machine and the command. Needs the integration suite's infrastructure for the pipeline and trend
 * scenarios (`eval "$(scripts/infra/infra env)"`) and Debian's Chromium for the portal's paint.
 *   --quick          every scenario for a few seconds: proves the harness, figures not to quote
 *   --only a,b       these scenarios only (names as printed)
 *   --out FILE       the markdown file to rewrite (default docs/benchmarks.md); --out - writes none
 *   --json FILE      the results as JSON as well
 *   --profile        CPU-profiles Relais under the authed read load and summarises it per layer
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { describeMachine, loadAverages } from './lib/machine';
import { summariseProfiles } from './lib/cpu-profile';
import { markdownReport, textTable, withReport, type ScenarioOutcome } from './lib/report';
import type { Scenario } from './lib/types';
import { scenarios } from './scenarios/index';

const print = (line: string) => process.stdout.write(`${line}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    json: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

const unmet = (scenario: Scenario): string | undefined => {
  if (
    scenario.needs.includes('infrastructure') &&
    !(process.env['KAFKA_BROKERS'] && process.env['MONGO_URL'])
  )
    return 'KAFKA_BROKERS and MONGO_URL are not set: eval "$(scripts/infra/infra env)" first';
  if (scenario.needs.includes('chromium') && !existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'))
    return 'no Chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH';
  return undefined;
};

async function main(): Promise<number> {
  const wanted = values.only?.split(',').map((name) => name.trim());
  const unknown = wanted?.filter((name) => !scenarios.some((scenario) => scenario.name === name)) ?? [];
  if (unknown.length > 0) {
    log(
      `unknown scenario ${unknown.join(', ')}; the scenarios are ${scenarios.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  const chosen = scenarios.filter((scenario) => !wanted || wanted.includes(scenario.name));
  const machine = describeMachine();
  const startedAt = new Date();
  const began = performance.now();
  const profileDir = values.profile ? mkdtempSync(join(tmpdir(), 'relais-profile-')) : undefined;
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of chosen) {
    const scenarioBegan = performance.now();
    const missing = unmet(scenario);
    log(`\n${scenario.name}: ${scenario.title}${missing ? ` (skipped: ${missing})` : ''}`);
    const outcome: ScenarioOutcome = { name: scenario.name, title: scenario.title, seconds: 0 };
    if (missing) outcome.skipped = missing;
    else {
      try {
        outcome.result = await scenario.run({
          quick: values.quick,
          root,
          log,
          ...(profileDir && scenario.name === 'authed-read' ? { profileDir } : {}),
        });
      } catch (error) {
        outcome.skipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
        log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
    outcome.seconds = (performance.now() - scenarioBegan) / 1_000;
    outcomes.push(outcome);
    print(`\n== ${scenario.title}`);
    if (outcome.skipped) print(`not measured: ${outcome.skipped}`);
    for (const table of outcome.result?.tables ?? [])
      print(`-- ${table.heading}\n${textTable(table.figures)}`);
    for (const target of outcome.result?.targets ?? [])
      print(`${target.met ? 'met   ' : 'MISSED'} ${target.target}: ${target.measured}`);
  }
  machine.loadAtEnd = loadAverages();
  const profileSummary = profileDir ? summariseProfiles(profileDir) : undefined;
  if (profileSummary) print(`\n== CPU profile of Relais under the authed read load\n${profileSummary}`);
  const argv = process.argv.slice(2);
  const report = markdownReport({
    machine,
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    quick: values.quick,
    startedAt,
    seconds: (performance.now() - began) / 1_000,
    outcomes,
    ...(profileSummary ? { profileSummary } : {}),
  });
  if (values.out !== '-') await writeMarkdown(resolve(root, values.out), report);
  if (values.json)
    writeFileSync(
      values.json,
      JSON.stringify({ machine, startedAt, quick: values.quick, outcomes }, null, 2),
    );
  return outcomes.some((outcome) => outcome.skipped?.startsWith('failed')) ? 1 : 0;
}

async function writeMarkdown(file: string, report: string): Promise<void> {
  const text = withReport(existsSync(file) ? readFileSync(file, 'utf8') : undefined, report);
  // Formatted as the repository's `npm run format:check` wants it, so a rerun leaves nothing to fix.
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
  log(`\nwrote ${file}`);
}

process.exitCode = await main();
