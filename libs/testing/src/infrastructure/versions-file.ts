import { readFile } from 'node:fs/promises';
import { versionsFilePath } from './repository-paths';

/** Parses scripts/infra/versions.env: `KEY=VALUE` lines; blank lines and `#` comments ignored. */
export function parseVersionsFile(text: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Z_][A-Z0-9_]*)=(\S+)$/.exec(line);
    if (!match) throw new Error(`versions file: cannot read the line "${line}" (expected KEY=VALUE)`);
    versions[match[1] as string] = match[2] as string;
  }
  return versions;
}

export async function readPinnedVersion(key: string, path: string = versionsFilePath): Promise<string> {
  const value = parseVersionsFile(await readFile(path, 'utf8'))[key];
  if (value === undefined) throw new Error(`${path} does not pin ${key}`);
  return value;
}
