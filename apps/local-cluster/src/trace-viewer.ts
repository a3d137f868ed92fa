import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Jaeger v2 (an OpenTelemetry Collector distribution with a trace store), from the Go module proxy. */
export const JAEGER_VERSION = 'v1.76.0';
const JAEGER_MODULE = 'github.com/jaegertracing/jaeger/cmd/jaeger';

export const TRACE_VIEWER_OTLP = 'http://127.0.0.1:4318';
export const TRACE_VIEWER_URL = 'http://127.0.0.1:16686';

function cacheDirectory(env: NodeJS.ProcessEnv): string {
  const base =
    env['RELAIS_INFRA_CACHE'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'relais-infra');
  return join(base, `jaeger-${JAEGER_VERSION}`);
}

/**
 * The Jaeger binary, built once per machine into the same cache as scripts/infra's artefacts (a few
 * minutes the first time). Jaeger's go.mod has replace directives, so `go install module@version`
 * refuses it: it is added as a tool of a throw-away module and built from there.
 */
export function ensureJaeger(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): string {
  const binary = join(cacheDirectory(env), 'bin', 'jaeger');
  if (existsSync(binary)) return binary;
  log(
    `building Jaeger ${JAEGER_VERSION} with Go into ${cacheDirectory(env)} (once per machine, a few minutes)…`,
  );
  const workspace = mkdtempSync(join(tmpdir(), 'relais-jaeger-'));
  const built = join(workspace, 'jaeger');
  try {
    const go = (args: string[]) =>
      execFileSync('go', args, {
        cwd: workspace,
        stdio: 'inherit',
        env: { ...env, GOFLAGS: '-buildvcs=false' },
      });
    go(['mod', 'init', 'relais.local/trace-viewer']);
    go(['get', '-tool', `${JAEGER_MODULE}@${JAEGER_VERSION}`]);
    go(['build', '-o', built, JAEGER_MODULE]);
    mkdirSync(join(cacheDirectory(env), 'bin'), { recursive: true });
    renameSync(built, binary);
  } catch (error) {
    throw new Error(`could not build Jaeger (is Go installed? see its output above): ${String(error)}`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return binary;
}

/** Jaeger with its default all-in-one configuration: OTLP on 4317/4318, query API on 16686, in memory. */
export async function startTraceViewer(binary: string, timeoutMs = 30_000): Promise<ChildProcess> {
  const jaeger = spawn(binary, [], { stdio: ['ignore', 'ignore', 'pipe'] });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (jaeger.exitCode !== null)
      throw new Error(`Jaeger exited with ${jaeger.exitCode}: ports 4318 or 16686 busy?`);
    try {
      if ((await fetch(`${TRACE_VIEWER_URL}/api/services`, { signal: AbortSignal.timeout(1_000) })).ok)
        return jaeger;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  jaeger.kill('SIGTERM');
  throw new Error(`Jaeger did not answer on ${TRACE_VIEWER_URL} within ${timeoutMs} ms`);
}
