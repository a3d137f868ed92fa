import { readFile } from 'node:fs/promises';
import type { TopicSpec } from '@relais/bus';
import { topicsFilePath } from './repository-paths';

/**
 * Parses deploy/kafka/topics.txt: one `name partitions retention.ms` per line; blank lines and `#`
 * comments ignored.
 */
export function parseTopicsFile(text: string): TopicSpec[] {
  const topics: TopicSpec[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9._-]+)\s+([1-9][0-9]*)\s+(-1|[1-9][0-9]*)$/.exec(line);
    if (!match) {
      throw new Error(
        `topics file, line ${index + 1}: expected "<topic name> <partition count> <retention.ms, -1 for ever>", got "${line}"`,
      );
    }
    topics.push({ topic: match[1] as string, partitions: Number(match[2]), retentionMs: Number(match[3]) });
  });
  return topics;
}

export async function readTopicsFile(path: string = topicsFilePath): Promise<TopicSpec[]> {
  return parseTopicsFile(await readFile(path, 'utf8'));
}
