import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, SERVICES } from './support/paths';

interface Stage {
  from: string;
  instructions: string[];
}

/** Instructions per stage, comments dropped and continuation lines joined. */
function stages(dockerfile: string): { args: Map<string, string>; stages: Stage[] } {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const args = new Map<string, string>();
  const result: Stage[] = [];
  for (const line of lines) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    if (instruction.toUpperCase() === 'FROM') result.push({ from: rest.join(' '), instructions: [] });
    else if (result.length === 0 && instruction.toUpperCase() === 'ARG') {
      const [name, value] = rest.join(' ').split('=');
      if (name && value) args.set(name, value);
    } else result.at(-1)?.instructions.push(line);
  }
  return { args, stages: result };
}

describe.each(SERVICES)('services/%s/Dockerfile', (service) => {
  const dockerfile = readFileSync(join(repositoryRoot, 'services', service, 'Dockerfile'), 'utf8');
  const parsed = stages(dockerfile);
  const runtime = parsed.stages.at(-1);

  it('is multi-stage and bases every stage on a Node LTS ≥ 22 pinned by version', () => {
    expect(parsed.stages.length).toBeGreaterThanOrEqual(2);
    const image = parsed.args.get('NODE_IMAGE');
    expect(image).toMatch(/^node:(\d+)\.\d+\.\d+-[a-z]+(-slim)?$/);
    expect(Number(/^node:(\d+)/.exec(image ?? '')?.[1])).toBeGreaterThanOrEqual(22);
    expect(Number(/^node:(\d+)/.exec(image ?? '')?.[1]) % 2).toBe(0);
    for (const stage of parsed.stages) expect(stage.from).toMatch(/^\$\{NODE_IMAGE\}/);
  });

  it('bundles this service and runs the bundle as a numeric non-root user', () => {
    expect(dockerfile).toContain(`scripts/tools/bundle-service.ts ${service} `);
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
});

it('.dockerignore keeps dependencies, builds, tests and local state out of the build context', () => {
  const ignored = readFileSync(join(repositoryRoot, '.dockerignore'), 'utf8').split('\n');
  for (const entry of ['**/node_modules', '**/dist', '**/test', '.git', '.infra', '**/.env']) {
    expect(ignored).toContain(entry);
  }
});
