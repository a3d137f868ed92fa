import { readFileSync } from 'node:fs';
import type { TopicSpec } from '@relais/bus';
import { parseTopicsFile, topicsFilePath } from '@relais/testing';

/** deploy/kafka/topics.txt, read by the same parser as the infrastructure's. */
export function readTopicsFile(): TopicSpec[] {
  return parseTopicsFile(readFileSync(topicsFilePath, 'utf8'));
}
