import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildBundle, bundleIsStale, ensureBundle, STANDALONE_ENTRY } from '../scripts/standalone-bundle.js';

/** What a bundle prints when run with plain node, as `npm start` runs it. */
const run = (bundle: string) => execFileSync(process.execPath, [bundle], { encoding: 'utf8' }).trim();

/**
 * `npm start` runs a cached bundle of the standalone (ADR 0022): a start after a source changed must
 * run the changed code, never the bundle of the code before.
 */
describe('the standalone bundle cache', () => {
  let workDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'relais-bundle-'));
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('is rebuilt when a source it was built from changes, and reused while none does', async () => {
    const entry = join(workDir, 'entry.ts');
    const greeting = join(workDir, 'greeting.ts');
    const outDir = join(workDir, 'cache');
    await writeFile(entry, "import { greeting } from './greeting';\nconsole.log(greeting);\n");
    await writeFile(greeting, "export const greeting: string = 'bonjour';\n");

    const first = await ensureBundle({ entry, outDir });
    expect(first.built).toBe(true);
    expect(run(first.file)).toBe('bonjour');
    const again = await ensureBundle({ entry, outDir });
    expect(again.built).toBe(false);

    await writeFile(greeting, "export const greeting: string = 'salut';\n");
    // Same second as the first write on a coarse clock: the check must still see the change.
    const { mtime } = await stat(greeting);
    await utimes(greeting, mtime, new Date(mtime.getTime() + 1000));
    expect(await bundleIsStale({ entry, outDir })).toBe(true);
    const changed = await ensureBundle({ entry, outDir });
    expect(changed.built).toBe(true);
    expect(run(changed.file)).toBe('salut');
  });

  it('is rebuilt when its bundle file is gone', async () => {
    const entry = join(workDir, 'entry.ts');
    const outDir = join(workDir, 'cache');
    await writeFile(entry, "console.log('présent');\n");
    const { file } = await ensureBundle({ entry, outDir });
    await rm(file);
    expect(await bundleIsStale({ entry, outDir })).toBe(true);
    expect(run((await ensureBundle({ entry, outDir })).file)).toBe('présent');
  });

  it('keeps import.meta.url naming the source file, so that files beside it are still found', async () => {
    const entry = join(workDir, 'entry.ts');
    await writeFile(entry, "import { where } from './where';\nconsole.log(where);\n");
    await writeFile(join(workDir, 'where.ts'), 'export const where = import.meta.url;\n');
    const file = await buildBundle({ entry, outDir: join(workDir, 'cache') });
    expect(run(file)).toBe(pathToFileURL(join(workDir, 'where.ts')).href);
  });

  it('holds the standalone without the test helpers, the Mongo stores or the telemetry SDK', async () => {
    const outDir = join(workDir, 'cache');
    const file = await buildBundle({ entry: STANDALONE_ENTRY, outDir });
    const inputs = Object.keys(
      (JSON.parse(await readFile(join(outDir, 'inputs.json'), 'utf8')) as { inputs: object }).inputs,
    );
    const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
    expect(inputs).toContain(STANDALONE_ENTRY);
    expect(inputs.filter((input) => input.startsWith(join(repositoryRoot, 'libs/testing/')))).toEqual([]);
    const bundle = await readFile(file, 'utf8');
    const packages = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(packages).toContain('oidc-provider');
    for (const unused of ['mongoose', '@opentelemetry/sdk-node', 'swagger-ui-express'])
      expect(packages).not.toContain(unused);
  }, 60_000);
});
