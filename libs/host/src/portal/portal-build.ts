import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { PORTAL_DIST_DIR } from './static-portal';

const PORTAL_DIR = fileURLToPath(new URL('../../../../apps/portal/', import.meta.url));
/** What the build reads: a change to any of them makes the build stale. */
const PORTAL_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestModification(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestModification(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when dist/ is missing or older than any source. */
export async function portalBuildIsStale(
  portalDir = PORTAL_DIR,
  distDir = PORTAL_DIST_DIR,
): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).catch(() => undefined);
  if (!built) return true;
  const sources = await Promise.all(
    PORTAL_SOURCES.map((source) => newestModification(join(portalDir, source))),
  );
  return Math.max(...sources) > built.mtimeMs;
}

/**
 * `npm start` and `npm run start:services` do everything (issue 16): the first start, or a start after a source changed, builds
 * the portal (a few seconds) with one progress line; later starts find dist/ fresh and skip it. A
 * failed build is logged and the API still starts: / then says how to build the portal.
 */
export async function ensurePortalBuilt(logger: Logger): Promise<void> {
  if (!(await portalBuildIsStale())) return;
  const startedAt = performance.now();
  logger.info('building the web portal (first start or its sources changed; about 10 s, once)…');
  const output: string[] = [];
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [join(PORTAL_DIR, 'scripts/build.mjs')], {
      cwd: PORTAL_DIR,
      // Always a production build, whatever NODE_ENV the server itself runs with (development in standalone).
      env: { ...process.env, NODE_ENV: 'production', PORTAL_BUILD_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  const seconds = Math.round((performance.now() - startedAt) / 100) / 10;
  if (status === 0) logger.info({ seconds }, `web portal built in ${seconds} s`);
  else
    logger.error(
      { output: output.join('').slice(-4000) },
      'the web portal could not be built; the API still runs',
    );
}
