import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repositoryRoot } from './paths';
import type { KubernetesResource } from './resources';

let binary: string | undefined;

/**
 * The pinned kustomize from scripts/tools/kustomize, which builds it on first use (about a minute).
 * Never skipped: without it, every manifest test fails with the installer's message.
 */
export function kustomizeBinary(): string {
  if (binary) return binary;
  try {
    binary = execFileSync(join(repositoryRoot, 'scripts/tools/kustomize'), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`scripts/tools/kustomize could not provide kustomize:\n${stderr}`);
  }
  return binary;
}

/** `kustomize build <directory>`, parsed: every resource of the output, in order. */
export function kustomizeBuild(directory: string): KubernetesResource[] {
  let output: string;
  try {
    output = execFileSync(kustomizeBinary(), ['build', directory], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`kustomize build ${directory} failed:\n${stderr}`);
  }
  return parseAllDocuments(output)
    .map((document) => {
      if (document.errors.length > 0)
        throw new Error(`kustomize printed invalid YAML: ${document.errors[0]}`);
      return document.toJS() as KubernetesResource | null;
    })
    .filter((resource): resource is KubernetesResource => resource !== null);
}
