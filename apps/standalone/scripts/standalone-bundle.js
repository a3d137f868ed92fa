// The standalone as one ES module, built once and reused while its sources are unchanged (ADR 0022):
// `npm start` then loads one file with plain `node` instead of compiling hundreds of TypeScript files
// through tsx at every start. Plain JavaScript on purpose: it runs before anything could compile it.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where `npm start` keeps its bundle: under node_modules, so `npm ci` clears it and no tool scans it. */
export const STANDALONE_CACHE_DIR = join(repositoryRoot, 'node_modules', '.cache', 'relais-standalone');
export const STANDALONE_ENTRY = join(repositoryRoot, 'apps', 'standalone', 'src', 'main.ts');

const BUILDER_FILE = fileURLToPath(import.meta.url);
const nodeMajor = process.versions.node.split('.')[0];

/** True when `importer` imports `specifier` for its effect alone: `import './zod-openapi';`. */
async function importedForEffect(importer, specifier, sources) {
  if (!sources.has(importer))
    sources.set(
      importer,
      readFile(importer, 'utf8').catch(() => ''),
    );
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*import\\s*['"]${escaped}['"]`, 'm').test(await sources.get(importer));
}

/**
 * Packages from node_modules stay outside the bundle and load as Node loads them under tsx: inlined,
 * some would break (oidc-provider and swagger-ui-express read files next to their own sources), and
 * their code is already JavaScript. Relais's own workspaces (@relais/*) are TypeScript: bundled.
 *
 * Every import is side-effect free unless it is written for its effect alone, so that what the
 * standalone never calls is left out with the packages only it needs: the libraries' barrels also
 * export the Kafka bus, the Mongo stores and the OpenTelemetry SDK (mongoose and the SDK alone cost
 * 0.6 s of CPU and 80 MB at every start). No Relais module relies on the side effects of a module it
 * imports names from; those it imports for their effect keep them.
 */
const packagesAndShaking = {
  name: 'packages-and-shaking',
  setup(build) {
    const sources = new Map();
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData?.resolving) return undefined;
      const sideEffects =
        args.kind === 'import-statement' && !(await importedForEffect(args.importer, args.path, sources))
          ? false
          : undefined;
      const isPackage = /^[^./]/.test(args.path) && !args.path.startsWith('@relais/');
      if (isPackage) return { path: args.path, external: true, sideEffects };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: resolved.external, sideEffects };
    });
  },
};

/**
 * `import.meta.url` keeps naming the source file it is written in, not the bundle: the libraries find
 * the realm file and the portal's dist/ relative to themselves.
 */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const names = {
        url: pathToFileURL(args.path).href,
        filename: args.path,
        dirname: dirname(args.path),
      };
      const contents = source.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_match, name) =>
        JSON.stringify(names[name]),
      );
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * What the bundle was made from, with each file's size and modification time; a change to any of them
 * makes it stale. Besides the sources: the workspaces' package.json files (their `exports` decide what
 * is bundled), the tsconfig files, this builder (its options) and esbuild's package.json (its version).
 */
async function fingerprint(files) {
  const entries = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file).catch(() => undefined);
      return [file, info ? `${info.size}:${info.mtimeMs}` : 'missing'];
    }),
  );
  return Object.fromEntries(entries);
}

async function readStamp(stampFile) {
  try {
    return JSON.parse(await readFile(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the bundle is missing, or one of the files it was built from changed since. */
export async function bundleIsStale({ entry = STANDALONE_ENTRY, outDir = STANDALONE_CACHE_DIR } = {}) {
  const stamp = await readStamp(join(outDir, 'inputs.json'));
  if (!stamp || stamp.entry !== entry || stamp.node !== nodeMajor) return true;
  if (!(await stat(join(outDir, stamp.bundle)).catch(() => undefined))) return true;
  const now = await fingerprint(Object.keys(stamp.inputs));
  return Object.entries(stamp.inputs).some(([file, print]) => now[file] !== print);
}

function packageManifestsOf(inputs) {
  const manifests = new Set([
    join(repositoryRoot, 'package.json'),
    // esbuild reads the TypeScript settings that change the output (class fields, decorators).
    join(repositoryRoot, 'tsconfig.json'),
    join(repositoryRoot, 'tsconfig.base.json'),
    join(repositoryRoot, 'node_modules', 'esbuild', 'package.json'),
    BUILDER_FILE,
  ]);
  for (const input of inputs) {
    const match = /^(libs|services|apps)\/[^/]+\//.exec(relative(repositoryRoot, input));
    if (match) manifests.add(join(repositoryRoot, match[0], 'package.json'));
  }
  return [...manifests];
}

async function writeAtomically(file, contents) {
  // A rename replaces the file whole: a start that runs meanwhile reads the old bundle or the new one.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

/** Bundles `entry` into `outDir`/standalone.mjs and records its inputs. */
export async function buildBundle({ entry = STANDALONE_ENTRY, outDir = STANDALONE_CACHE_DIR } = {}) {
  const { build } = await import('esbuild');
  await mkdir(outDir, { recursive: true });
  const bundle = 'standalone.mjs';
  const result = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [entry],
    outfile: join(outDir, bundle),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${nodeMajor}`,
    // Bundling renames clashing top-level names; error and class names must stay what they were.
    keepNames: true,
    // For readable stack traces: NODE_OPTIONS=--enable-source-maps npm start.
    sourcemap: 'linked',
    sourcesContent: false,
    plugins: [packagesAndShaking, sourceLocation],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  for (const output of result.outputFiles) await writeAtomically(output.path, output.contents);
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(repositoryRoot, input));
  const files = [...inputs, ...packageManifestsOf(inputs)];
  const stamp = { entry, node: nodeMajor, bundle, inputs: await fingerprint(files) };
  await writeAtomically(join(outDir, 'inputs.json'), `${JSON.stringify(stamp, null, 1)}\n`);
  return join(outDir, bundle);
}

/**
 * The bundle to run: the cached one when every input is unchanged, a new one otherwise. `onBuild` is
 * told before a build starts (a progress line for the person waiting).
 */
export async function ensureBundle({
  entry = STANDALONE_ENTRY,
  outDir = STANDALONE_CACHE_DIR,
  onBuild,
} = {}) {
  if (!(await bundleIsStale({ entry, outDir }))) {
    const stamp = await readStamp(join(outDir, 'inputs.json'));
    return { file: join(outDir, stamp.bundle), built: false };
  }
  onBuild?.();
  return { file: await buildBundle({ entry, outDir }), built: true };
}
