import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './paths';

export interface Stage {
  from: string;
  instructions: string[];
}

export interface Dockerfile {
  text: string;
  /** The ARGs before the first FROM, with their defaults. */
  args: Map<string, string>;
  stages: Stage[];
}

/** Instructions per stage, comments dropped and continuation lines joined. */
export function parseDockerfile(text: string): Dockerfile {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    if (instruction.toUpperCase() === 'FROM') stages.push({ from: rest.join(' '), instructions: [] });
    else if (stages.length === 0 && instruction.toUpperCase() === 'ARG') {
      const [name, value] = rest.join(' ').split('=');
      if (name && value) args.set(name, value);
    } else stages.at(-1)?.instructions.push(line);
  }
  return { text, args, stages };
}

/** services/Dockerfile: every service's image, by its build argument SERVICE. */
export function serviceDockerfile(): Dockerfile {
  return parseDockerfile(readFileSync(join(repositoryRoot, 'services', 'Dockerfile'), 'utf8'));
}

export function portalDockerfile(): Dockerfile {
  return parseDockerfile(readFileSync(join(repositoryRoot, 'apps/portal/Dockerfile'), 'utf8'));
}

/** The sources of one COPY instruction (flags and destination left out). */
export function copySources(instruction: string): string[] {
  const operands = instruction
    .split(/\s+/)
    .slice(1)
    .filter((word) => !word.startsWith('--'));
  return operands.slice(0, -1);
}

/** What the final stage copies from the bundle stage's output, /image. */
export function copiedFromBundle(dockerfile: Dockerfile): string[] {
  return (dockerfile.stages.at(-1)?.instructions ?? [])
    .filter((line) => line.startsWith('COPY --from=bundle '))
    .flatMap(copySources)
    .filter((source) => source.startsWith('/image/'));
}
