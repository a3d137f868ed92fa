import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './paths';

/** The contrib release whose redaction processor the manifests deploy (components/otel/collector.yaml). */
export const COLLECTOR_VERSION = '0.139.0';
const source = join(repositoryRoot, 'deploy/test/otelcol');

/**
 * A collector with the components of deploy/otel/collector.yaml and a file exporter, built from
 * deploy/test/otelcol at the deployed release (no image can be pulled here; the Go module proxy is
 * reachable). Built once per machine into the tools cache: the first build takes several minutes.
 */
export function collectorBinary(): string {
  const cache = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'relais-tools');
  // Named after the source's content too: a component added to main.go builds a new binary.
  const digest = createHash('sha256')
    .update(readFileSync(join(source, 'main.go')))
    .update(readFileSync(join(source, 'go.sum')))
    .digest('hex')
    .slice(0, 12);
  const folder = join(cache, `otelcol-relais-${COLLECTOR_VERSION}-${digest}`);
  const binary = join(folder, 'otelcol-relais');
  if (existsSync(binary)) return binary;
  mkdirSync(folder, { recursive: true });
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
