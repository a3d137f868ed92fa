import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(join(repositoryRoot, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('who may start the embedded identity provider', () => {
  it('is never imported by the production host or a service: only standalone and tests start it', () => {
    const production = ['libs/host/src', 'libs/auth/src/jwks', 'libs/auth/src/express', 'services']
      .flatMap(sourceFiles)
      .filter((file) => !file.includes('/test/'));
    const importers = production.filter((file) =>
      /from '(@relais\/auth\/embedded|[./]+\/embedded(\/[\w-]+)?)'/.test(readFileSync(file, 'utf8')),
    );

    expect(production.length).toBeGreaterThan(20);
    expect(importers).toEqual([]);
  });

  it('is not reachable from the package entry the services use', () => {
    expect(readFileSync(join(repositoryRoot, 'libs/auth/src/index.ts'), 'utf8')).not.toMatch(
      /from '\.\/embedded/,
    );
  });
});
