import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleService, RUNTIME_PACKAGES } from '../../scripts/tools/bundle-service';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, repositoryRoot, SERVICES } from './support/paths';
import { ofKind, serviceDeployments } from './support/resources';

const run = promisify(execFile);

// Inside the repository, so that the packages left out of the bundle resolve from its node_modules
// exactly as they do from the image's.
let outDir = '';
beforeAll(async () => {
  await mkdir(join(repositoryRoot, 'dist'), { recursive: true });
  outDir = await mkdtemp(join(repositoryRoot, 'dist', 'bundle-test-'));
}, 30_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Runs a bundle with only PATH and `env`, and answers the variables its configuration error names. */
async function missingVariables(entry: string, env: Record<string, string>): Promise<string[]> {
  try {
    await run(process.execPath, [entry], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      timeout: 20_000,
    });
  } catch (error) {
    const { code, stderr = '' } = error as { code?: number; stderr?: string };
    expect(code).toBe(1);
    return [...stderr.matchAll(/^([A-Z][A-Z0-9_]+) is missing/gm)].map((match) => String(match[1]));
  }
  throw new Error(`${entry} started without its configuration`);
}

/** The variables the prod overlay gives a service's container: env entries and its ConfigMap's keys. */
function providedVariables(service: string): Set<string> {
  const resources = kustomizeBuild(join(k8sDirectory, 'overlays', 'prod'));
  const deployment = serviceDeployments(resources).find((d) => d.metadata.name === `relais-${service}`);
  const container = deployment?.spec.template.spec.containers[0] as
    { env?: { name: string }[]; envFrom?: { configMapRef?: { name: string } }[] } | undefined;
  const configMaps = (container?.envFrom ?? []).map((source) => source.configMapRef?.name);
  const fromConfigMaps = ofKind(resources, 'ConfigMap')
    .filter((configMap) => configMaps.includes(configMap.metadata.name))
    .flatMap((configMap) => Object.keys(configMap['data'] as Record<string, string>));
  return new Set([...(container?.env ?? []).map((variable) => variable.name), ...fromConfigMaps]);
}

describe.each(SERVICES)('the %s bundle', (service) => {
  let entry = '';
  beforeAll(async () => {
    entry = (await bundleService(service, join(outDir, service))).entry;
  }, 30_000);

  it('starts and fails fast on missing configuration, and the prod overlay provides every variable it asks for', async () => {
    // The service's own settings are read first; once they are given, the platform's are reported.
    const own = await missingVariables(entry, {});
    const ownValues = Object.fromEntries(own.map((name) => [name, 'x'.repeat(40)]));
    const platform = own.includes('MONGO_URL') ? own : await missingVariables(entry, ownValues);
    expect(platform).toEqual(expect.arrayContaining(['MONGO_URL', 'KAFKA_BROKERS', 'KEYCLOAK_URL']));

    const provided = providedVariables(service);
    expect([...new Set([...own, ...platform])].filter((name) => !provided.has(name))).toEqual([]);
  }, 60_000);

  it('lists the packages left out of the bundle at the root manifest’s exact versions', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, service, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const root = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...RUNTIME_PACKAGES].sort());
    for (const [name, version] of Object.entries(manifest.dependencies)) {
      expect(version).toBe(root.dependencies[name]);
    }
  });
});
