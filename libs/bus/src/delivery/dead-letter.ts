export const DeadLetterHeaders = {
  reason: 'x-dlq-reason',
  sourceTopic: 'x-dlq-source-topic',
  sourcePartition: 'x-dlq-source-partition',
  sourceOffset: 'x-dlq-source-offset',
  attempts: 'x-dlq-attempts',
} as const;

/** A message on its way to `<topic>.dlq`: the original key, bytes and headers, plus why and whence. */
export interface DeadLetter {
  topic: string;
  key: string;
  value: Buffer | string | null;
  headers: Record<string, string>;
}
