import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './paths';

export interface TopicLine {
  name: string;
  partitions: number;
  retentionMs: number;
}

/** deploy/kafka/topics.txt: `name partitions retention.ms` per line, `#` comments. */
export function readTopicsFile(): TopicLine[] {
  return readFileSync(join(repositoryRoot, 'deploy/kafka/topics.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [name, partitions, retentionMs] = line.split(/\s+/);
      return { name: String(name), partitions: Number(partitions), retentionMs: Number(retentionMs) };
    });
}
