import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { k8sDirectory } from './paths';
import type { Workload } from './resources';

/** The hand-applied Job of docs/operations.md §5, as the file is (kubectl only replaces its image). */
export function readStatsRebuildJob(): Workload {
  return parse(readFileSync(join(k8sDirectory, 'jobs', 'stats-rebuild.yaml'), 'utf8')) as Workload;
}
