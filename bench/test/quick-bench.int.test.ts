import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioOutcome } from '../lib/report';
import { scenarios } from '../scenarios/index';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run bench -- --quick` on the integration suite's infrastructure: proves that every scenario
 * runs to the end and produces figures. It asserts no speed: the figures of a shared CI machine say
 * nothing, and docs/design.md §8's targets are read in docs/benchmarks.md.
 */
describe('npm run bench -- --quick', () => {
  it(
    'runs every scenario, each producing figures for Relais and its baselines',
    () => {
      const json = join(mkdtempSync(join(tmpdir(), 'relais-bench-test-')), 'results.json');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', '-', '--json', json],
        { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 14 * 60_000 },
      );
      expect(run.stderr).not.toMatch(/failed:/);
      const { outcomes } = JSON.parse(readFileSync(json, 'utf8')) as { outcomes: ScenarioOutcome[] };
      expect(outcomes.map((outcome) => outcome.name)).toEqual(scenarios.map((scenario) => scenario.name));
      for (const outcome of outcomes) {
        expect({ scenario: outcome.name, skipped: outcome.skipped }).toEqual({ scenario: outcome.name });
        const figures = outcome.result!.tables.flatMap((table) => table.figures);
        expect(figures.some((figure) => figure.baseline)).toBe(true);
        for (const figure of figures) {
          const measured = [figure.throughput, figure.p50, figure.p99].filter((value) => value !== undefined);
          expect({ scenario: outcome.name, subject: figure.subject, measured: measured.length > 0 }).toEqual({
            scenario: outcome.name,
            subject: figure.subject,
            measured: true,
          });
          for (const value of measured) expect(Number.isFinite(value)).toBe(true);
        }
        expect(outcome.result!.targets.length).toBeGreaterThan(0);
      }
      expect(run.status).toBe(0);
    },
    15 * 60_000,
  );
});
