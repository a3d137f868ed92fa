/**
 * Bundles one service for its container image (ADR 0010): `src/main.ts` and every Relais library it
 * imports become one ESM file, `main.mjs`, beside a `package.json` naming the few packages left out of
 * the bundle at the exact versions of the root manifest; the image installs those with `npm ci`.
 *
 *   npx tsx scripts/tools/bundle-service.ts enrollment dist/images/enrollment
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const SERVICES = ['enrollment', 'progress', 'feedback', 'stats'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * Left out of the bundle and installed from the registry in the image. OpenTelemetry instruments a
 * library by intercepting its loading from node_modules; inlined into the bundle, express, mongoose
 * (with its mongodb driver) and kafkajs would never be traced. import-in-the-middle is the loader
 * hook that intercepts them, so it must be the installed copy too.
 */
export const RUNTIME_PACKAGES = ['express', 'mongoose', 'kafkajs', 'import-in-the-middle'] as const;

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

// Bundled CommonJS code calls require() for Node's built-in modules; an ES module has none of its own.
const requireShim =
  "import { createRequire as __relaisCreateRequire } from 'node:module';\n" +
  'const require = __relaisCreateRequire(import.meta.url);';

export interface ServiceBundle {
  /** The bundled entry point, run with `node main.mjs`. */
  entry: string;
  /** The runtime manifest: RUNTIME_PACKAGES with their pinned versions. */
  manifest: string;
}

async function runtimeManifest(service: ServiceName): Promise<string> {
  const root = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    RUNTIME_PACKAGES.map((name) => {
      const version = root.dependencies?.[name];
      if (!version) throw new Error(`${name} must be a dependency of the root package.json`);
      return [name, version];
    }),
  );
  const manifest = { name: `relais-${service}-image`, private: true, type: 'module', dependencies };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export async function bundleService(service: ServiceName, outDir: string): Promise<ServiceBundle> {
  const target = resolve(outDir);
  await mkdir(target, { recursive: true });
  const entry = join(target, 'main.mjs');
  const manifest = join(target, 'package.json');
  await build({
    entryPoints: [join(repositoryRoot, 'services', service, 'src', 'main.ts')],
    absWorkingDir: repositoryRoot,
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The images run Node 22; the bundle must not use anything newer.
    target: 'node22',
    external: [...RUNTIME_PACKAGES],
    banner: { js: requireShim },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await writeFile(manifest, await runtimeManifest(service));
  return { entry, manifest };
}

function isService(name: string | undefined): name is ServiceName {
  return (SERVICES as readonly string[]).includes(name ?? '');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [service, outDir] = process.argv.slice(2);
  if (!isService(service) || !outDir) {
    console.error(`usage: bundle-service.ts <${SERVICES.join('|')}> <output directory>`);
    process.exit(2);
  }
  const bundle = await bundleService(service, outDir);
  console.log(`bundled relais-${service}: ${bundle.entry}, ${bundle.manifest}`);
}
