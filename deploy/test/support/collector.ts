import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './paths';

/** The contrib release whose redaction processor the manifests deploy (components/otel/collector.yaml). */
export const COLLECTOR_VERSION = '0.139.0';
const source = join(repositoryRoot, 'deploy/test/otelcol');

/**
 * A collector with the contrib redaction processor, the OTLP receiver and the file exporter, built
 * from deploy/test/otelcol at the deployed release (no image can be pulled here; the Go module proxy is
 * reachable). Built once per machine into the tools cache: the first build takes several minutes.
 */
export function collectorBinary(): string {
  const cache = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'relais-tools');
  const binary = join(cache, `otelcol-relais-${COLLECTOR_VERSION}`, 'otelcol-relais');
  if (existsSync(binary)) return binary;
  mkdirSync(join(cache, `otelcol-relais-${COLLECTOR_VERSION}`), { recursive: true });
  const staging = `${binary}.${process.pid}`;
  try {
    execFileSync('go', ['build', '-o', staging, '.'], {
      cwd: source,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=readonly' },
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`could not build the test collector from deploy/test/otelcol (needs Go):\n${stderr}`);
  }
  renameSync(staging, binary);
  return binary;
}
