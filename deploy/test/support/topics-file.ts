import { readFileSync } from 'node:fs';
import { parseTopicsFile, topicsFilePath, type TopicSpec } from '@relais/testing';

/** deploy/kafka/topics.txt, read by the same parser as the infrastructure's. */
export function readTopicsFile(): TopicSpec[] {
  return parseTopicsFile(readFileSync(topicsFilePath, 'utf8'));
}
