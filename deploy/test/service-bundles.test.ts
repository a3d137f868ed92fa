import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleService, RUNTIME_PACKAGES, type ServiceBundle } from '../../scripts/tools/bundle-service';
import { copiedFromBundle, serviceDockerfile } from './support/dockerfile';
import { kustomizeBuild } from './support/kustomize';
import { k8sDirectory, repositoryRoot, SERVICES, type Service } from './support/paths';
import { ofKind, serviceDeployments, type KubernetesResource } from './support/resources';
import { readStatsRebuildJob } from './support/stats-rebuild-job';

const run = promisify(execFile);

/** The command-line tools an image must carry beside its service, stated here independently of the registry. */
const EXPECTED_TOOLS: Partial<Record<Service, string[]>> = { stats: ['rebuild'] };
const expectedTools = (service: Service): string[] => EXPECTED_TOOLS[service] ?? [];

// Inside the repository, so that the packages left out of the bundle resolve from its node_modules
// exactly as they do from the image's.
let outDir = '';
const bundles = new Map<Service, ServiceBundle>();
beforeAll(async () => {
  await mkdir(join(repositoryRoot, 'dist'), { recursive: true });
  outDir = await mkdtemp(join(repositoryRoot, 'dist', 'bundle-test-'));
  for (const service of SERVICES) bundles.set(service, await bundleService(service, join(outDir, service)));
}, 180_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function bundleOf(service: Service): ServiceBundle {
  const bundle = bundles.get(service);
  if (!bundle) throw new Error(`the ${service} bundle was not built`);
  return bundle;
}

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

let prodResources: KubernetesResource[] | undefined;
function prodOverlay(): KubernetesResource[] {
  prodResources ??= kustomizeBuild(join(k8sDirectory, 'overlays', 'prod'));
  return prodResources;
}

interface ContainerEnvironment {
  env?: { name: string }[];
  envFrom?: { configMapRef?: { name: string } }[];
}

/** A container's env entries and the keys of the prod overlay's ConfigMaps it takes whole. */
function variablesOf(container: ContainerEnvironment | undefined): Set<string> {
  const configMaps = (container?.envFrom ?? []).map((source) => source.configMapRef?.name);
  const fromConfigMaps = ofKind(prodOverlay(), 'ConfigMap')
    .filter((configMap) => configMaps.includes(configMap.metadata.name))
    .flatMap((configMap) => Object.keys(configMap['data'] as Record<string, string>));
  return new Set([...(container?.env ?? []).map((variable) => variable.name), ...fromConfigMaps]);
}

/** The variables the prod overlay gives a service's container. */
function providedVariables(service: string): Set<string> {
  const deployment = serviceDeployments(prodOverlay()).find((d) => d.metadata.name === `relais-${service}`);
  return variablesOf(deployment?.spec.template.spec.containers[0] as ContainerEnvironment | undefined);
}

describe.each(SERVICES)('the %s bundle', (service) => {
  it('starts and fails fast on missing configuration, and the prod overlay provides every variable it asks for', async () => {
    const { entry } = bundleOf(service);
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

  it('bundles its command-line tools beside the service, and no other (stats: rebuild; the others: none)', async () => {
    const { tools } = bundleOf(service);
    expect(Object.keys(tools).sort()).toEqual(expectedTools(service));
    const modules = (await readdir(join(outDir, service))).filter((file) => file.endsWith('.mjs'));
    expect(modules.sort()).toEqual(
      [
        'main.mjs',
        'service.mjs',
        'telemetry.mjs',
        ...expectedTools(service).map((tool) => `${tool}.mjs`),
      ].sort(),
    );
  });

  it('writes nothing that the image’s own installed packages would be overwritten by', async () => {
    // services/Dockerfile copies this whole directory over the packages of its runtime-packages stage.
    const written = await readdir(join(outDir, service));
    expect(copiedFromBundle(serviceDockerfile())).toEqual(['/image/']);
    expect(written).not.toContain('node_modules');
    expect(written).toEqual(
      expect.arrayContaining(['main.mjs', 'service.mjs', 'telemetry.mjs', 'package.json']),
    );
  });
});

describe('the stats rebuild command', () => {
  it('starts with node and fails fast, naming the connections it needs, with no infrastructure', async () => {
    const rebuild = bundleOf('stats').tools['rebuild'];
    expect(rebuild).toBe(join(outDir, 'stats', 'rebuild.mjs'));
    const started = Date.now();
    expect((await missingVariables(String(rebuild), {})).sort()).toEqual(['KAFKA_BROKERS', 'MONGO_URL']);
    // Configuration is read before any connection is tried: nothing waits on a timeout.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('gets its whole configuration from the rebuild Job and the ConfigMap the prod overlay deploys for it', () => {
    const container = readStatsRebuildJob().spec.template.spec.containers[0] as
      ContainerEnvironment | undefined;
    const provided = variablesOf(container);
    const configuration = [
      'MONGO_URL',
      'MONGO_DB',
      'KAFKA_BROKERS',
      'KAFKA_SSL',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
    ];
    expect(configuration.filter((name) => !provided.has(name))).toEqual([]);
    // The Kafka CA of the TLS listener, which Node reads from this variable.
    expect(provided.has('NODE_EXTRA_CA_CERTS')).toBe(true);
  });
});
