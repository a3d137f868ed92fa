import type { Admin } from 'kafkajs';
import type { PartitionLag } from '../telemetry/bus-metrics';

/** A group that has committed nothing on a partition yet has everything from its low watermark to read. */
const NOTHING_COMMITTED = '-1';

/**
 * Lag of one group on one topic, from the broker: high watermarks against the group's committed
 * offsets. Read from the broker rather than from fetched batches so that a consumer that is stuck or
 * gone still shows its lag growing.
 */
export async function fetchConsumerLag(
  admin: Admin,
  groupId: string,
  topic: string,
): Promise<PartitionLag[]> {
  const [watermarks, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  return watermarks.map(({ partition, high, low }) => {
    const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset;
    const position = offset === undefined || offset === NOTHING_COMMITTED ? low : offset;
    return { groupId, topic, partition, lag: Math.max(0, Number(high) - Number(position)) };
  });
}
