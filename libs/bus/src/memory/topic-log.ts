import { Partitioners, type PartitionMetadata } from 'kafkajs';

/** One stored message. `value` stays raw (as on a broker) so that poison messages can be simulated. */
export interface StoredRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string | null;
  headers: Record<string, string>;
}

export type RecordInput = Pick<StoredRecord, 'key' | 'value' | 'headers'>;

/**
 * Kafka's own key partitioner (murmur2, as kafkajs and the Java client use), so that a key lands on
 * the same partition number in standalone mode as on a real topic with as many partitions.
 */
const partitionForKey = Partitioners.DefaultPartitioner();

function partitionMetadata(count: number): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
}

/** An append-only, partitioned log: the in-memory stand-in for a Kafka topic. */
export class TopicLog {
  readonly partitions: StoredRecord[][];
  private readonly metadata: PartitionMetadata[];

  constructor(
    readonly name: string,
    partitionCount: number,
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => []);
    this.metadata = partitionMetadata(partitionCount);
  }

  append(input: RecordInput): StoredRecord {
    const partition = partitionForKey({
      topic: this.name,
      partitionMetadata: this.metadata,
      message: { key: input.key, value: input.value },
    });
    const records = this.partitions[partition];
    if (!records) throw new Error(`partitioner chose a partition that does not exist: ${partition}`);
    const record: StoredRecord = { topic: this.name, partition, offset: records.length, ...input };
    records.push(record);
    return record;
  }

  endOffsets(): number[] {
    return this.partitions.map((records) => records.length);
  }

  all(): StoredRecord[] {
    return this.partitions.flat();
  }
}
