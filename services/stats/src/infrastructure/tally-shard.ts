import type { FactPosition } from '../application/ports';

/**
 * What both adapters store, field for field: counters per shard, and one marker per applied fact id
 * (a uuid and where the fact was first read: no person, no content).
 */
export interface ShardRecord {
  _id: string;
  generation: number;
  topic: string;
  partition: number;
  month: string;
  /** The furthest offset of its partition this shard has applied: redeliveries stop here. */
  appliedThrough: number;
  counters: { key: string; count: number }[];
}

export interface AppliedFactRecord {
  _id: string;
  generation: number;
  topic: string;
  partition: number;
  offset: number;
}

export const shardIdOf = (generation: number, position: FactPosition, month: string) =>
  [generation, position.topic, position.partition, month].join('/');

export const appliedFactIdOf = (generation: number, factId: string) => `${generation}/${factId}`;

/**
 * A fact id already marked at another position is the same fact published twice (the outbox relay
 * may do so after a crash): skip it. Marked at this very position, it is a redelivery whose counters
 * were not written yet (the shard's offset says so): apply it.
 */
export const isRepublished = (marker: AppliedFactRecord, position: FactPosition) =>
  marker.topic !== position.topic ||
  marker.partition !== position.partition ||
  marker.offset !== position.offset;

export function withIncrements(
  counters: readonly { key: string; count: number }[],
  increments: readonly string[],
): { key: string; count: number }[] {
  const next = new Map(counters.map(({ key, count }) => [key, count]));
  for (const key of increments) next.set(key, (next.get(key) ?? 0) + 1);
  return [...next].map(([key, count]) => ({ key, count }));
}
