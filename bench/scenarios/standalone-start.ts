import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, residentMemoryTree, spawnNpmStart, startBaseline, waitForStatus } from '../lib/processes';
import { percentile, sortedCopy, type Scenario } from '../lib/types';

interface Start {
  readyMs: number;
  /** The largest process of the tree: the one serving. */
  serverMb: number;
  treeMb: number;
}

/**
 * `npm start` as a user types it (its npm, its tsx, demo data, the portal already built), on a free
 * port: the time from the command until /readyz answers 200, and the resident memory then.
 */
export const standaloneStart: Scenario = {
  name: 'standalone-start',
  title: 'Standalone start: `npm start` until /readyz, and resident memory once ready',
  needs: [],
  async run(context) {
    const rounds = context.quick ? 1 : 3;
    const starts: Start[] = [];
    for (let round = 0; round < rounds; round++) {
      const port = await freePort();
      const began = performance.now();
      const npm = spawnNpmStart(context.root, port);
      try {
        await waitForStatus(`http://127.0.0.1:${port}/readyz`, 180_000);
        const readyMs = performance.now() - began;
        const tree = residentMemoryTree(npm.child.pid!);
        starts.push({
          readyMs,
          serverMb: Math.max(...tree.map((process) => process.rssMb)),
          treeMb: tree.reduce((sum, process) => sum + process.rssMb, 0),
        });
        context.log(`  ready in ${Math.round(readyMs)} ms`);
      } finally {
        await npm.stop();
      }
    }
    const baselines: Start[] = [];
    const routesFile = join(mkdtempSync(join(tmpdir(), 'relais-bench-')), 'routes.json');
    writeFileSync(
      routesFile,
      JSON.stringify({ jwksUrl: 'http://127.0.0.1:9/certs', issuer: 'http://127.0.0.1:9', reads: {} }),
    );
    for (let round = 0; round < rounds; round++) {
      const began = performance.now();
      const baseline = await startBaseline(context.root, 'bench/baselines/bare-servers.ts', {
        BASELINE: 'express',
        ROUTES_FILE: routesFile,
      });
      const readyMs = performance.now() - began;
      const rss = residentMemoryTree(baseline.child.pid!)[0]?.rssMb ?? Number.NaN;
      baselines.push({ readyMs, serverMb: rss, treeMb: rss });
      await baseline.stop();
    }
    const median = (values: number[]) => percentile(sortedCopy(values), 0.5);
    const ready = median(starts.map((start) => start.readyMs));
    const server = median(starts.map((start) => start.serverMb));
    const tree = median(starts.map((start) => start.treeMb));
    const baselineReady = median(baselines.map((start) => start.readyMs));
    return {
      tables: [
        {
          heading: `Median of ${rounds} start${rounds > 1 ? 's' : ''}`,
          figures: [
            {
              subject: '`npm start` (Relais standalone, demo data)',
              p50: ready,
              ratio: ready / baselineReady,
              other: `ready in ${(ready / 1_000).toFixed(2)} s; ${Math.round(server)} MB resident (serving process), ${Math.round(tree)} MB with npm and tsx's launcher`,
            },
            {
              subject: 'bare Express 5 + jose (tsx, listening)',
              baseline: true,
              p50: baselineReady,
              other: `${Math.round(median(baselines.map((start) => start.serverMb)))} MB resident`,
            },
          ],
        },
      ],
      targets: [
        {
          target: 'standalone ready ≤ 2 s',
          measured: `${(ready / 1_000).toFixed(2)} s`,
          met: ready <= 2_000,
        },
        { target: 'standalone ≤ 200 MB resident', measured: `${Math.round(server)} MB`, met: server <= 200 },
      ],
      notes: [
        'p50: milliseconds from the command to the first 200 of /readyz (to listening, for the baseline); ratio: Relais ÷ baseline (lower is better).',
        "The resident memory target is read on the serving process (the largest of the tree); the tree adds npm (~60 MB) and tsx's launcher.",
      ],
    };
  },
};
