import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copiedFromBundle, copySources, portalDockerfile, serviceDockerfile } from './support/dockerfile';
import { repositoryRoot, SERVICES } from './support/paths';

describe('services/Dockerfile', () => {
  const parsed = serviceDockerfile();
  const dockerfile = parsed.text;
  const runtime = parsed.stages.at(-1);

  it('is multi-stage and bases every stage on a Node LTS ≥ 22 pinned by version', () => {
    expect(parsed.stages.length).toBeGreaterThanOrEqual(2);
    const image = parsed.args.get('NODE_IMAGE');
    expect(image).toMatch(/^node:(\d+)\.\d+\.\d+-[a-z]+(-slim)?$/);
    expect(Number(/^node:(\d+)/.exec(image ?? '')?.[1])).toBeGreaterThanOrEqual(24);
    expect(Number(/^node:(\d+)/.exec(image ?? '')?.[1]) % 2).toBe(0);
    for (const stage of parsed.stages) expect(stage.from).toMatch(/^\$\{NODE_IMAGE\}/);
  });

  it('bundles the service its build argument SERVICE names, which has no default, and runs it as a numeric non-root user', () => {
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(parsed.args.has('SERVICE')).toBe(false);
    expect(dockerfile).toContain('scripts/tools/bundle-service.ts "${SERVICE}" ');
    expect(runtime?.instructions.join('\n')).toContain('OTEL_SERVICE_NAME=relais-${SERVICE}');
    const user = runtime?.instructions.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(runtime?.instructions).toContain('ENTRYPOINT ["node", "main.mjs"]');
  });

  it('ships production dependencies only, and no package manager', () => {
    const copies = runtime?.instructions.filter((line) => line.startsWith('COPY')) ?? [];
    expect(copies).not.toContainEqual(expect.stringMatching(/--from=bundle \/repo/));
    expect(copies).toContainEqual(expect.stringMatching(/--from=runtime-packages \/image\/node_modules/));
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(runtime?.instructions.join('\n')).toMatch(/rm -rf .*\/usr\/local\/bin\/npm /);
  });

  it('copies the bundler’s whole output, so that each service’s tools and licences are in its image', () => {
    // Stats' rebuild.mjs (its `tools` in the registry) is run from the stats image by the Job of
    // deploy/k8s/jobs/stats-rebuild.yaml: one Dockerfile for all cannot name it.
    expect(copiedFromBundle(parsed)).toEqual(['/image/']);
  });

  it('is the only Dockerfile of the services: none of them has its own', () => {
    for (const service of SERVICES) {
      expect(existsSync(join(repositoryRoot, 'services', service, 'Dockerfile'))).toBe(false);
    }
  });
});

it('.dockerignore keeps dependencies, builds, tests and local state out of the build context', () => {
  const ignored = readFileSync(join(repositoryRoot, '.dockerignore'), 'utf8').split('\n');
  for (const entry of ['**/node_modules', '**/dist', '**/test', '.git', '.infra', '**/.env']) {
    expect(ignored).toContain(entry);
  }
});

describe('apps/portal/Dockerfile', () => {
  const parsed = portalDockerfile();
  const [build, runtime] = [parsed.stages.at(0), parsed.stages.at(-1)];

  it('builds the portal on the services’ pinned Node, then serves it from a pinned nginx without Node', () => {
    expect(parsed.stages.length).toBeGreaterThanOrEqual(2);
    expect(parsed.args.get('NODE_IMAGE')).toBe(serviceDockerfile().args.get('NODE_IMAGE'));
    expect(build?.from).toMatch(/^\$\{NODE_IMAGE\}/);
    expect(build?.instructions).toContainEqual(expect.stringMatching(/npm ci /));
    expect(build?.instructions).toContain('RUN npm run portal:build');
    expect(parsed.args.get('NGINX_IMAGE')).toMatch(/^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine$/);
    expect(runtime?.from).toBe('${NGINX_IMAGE}');
  });

  it('ships the built files and the server configuration only, as a numeric non-root user', () => {
    const copies = runtime?.instructions.filter((line) => line.startsWith('COPY')) ?? [];
    expect(copies).toContain('COPY --from=build /repo/apps/portal/dist /usr/share/nginx/html');
    expect(copies.filter((line) => line.includes('--from=')).map(copySources)).toEqual([
      ['/repo/apps/portal/dist'],
    ]);
    const user = runtime?.instructions.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(runtime?.instructions).toContain('EXPOSE 8080');
  });

  it('has the portal’s sources in the build context, which leaves out every other app’s', () => {
    const ignored = readFileSync(join(repositoryRoot, '.dockerignore'), 'utf8').split('\n');
    const rule = (line: string) => ignored.indexOf(line);
    expect(rule('!apps/portal/src')).toBeGreaterThan(rule('apps/*/src'));
    expect(rule('apps/*/src')).toBeGreaterThanOrEqual(0);
  });
});
