import { setTimeout as sleep } from 'node:timers/promises';
import type { BusLogger } from '../bus-logger';
import { runSizeOf, type RunResult } from '../delivery/process-run';
import type { Subscription } from '../event-bus';
import type { ChangeNotifier } from './change-notifier';
import type { StoredRecord, TopicLog } from './topic-log';

export interface RunControl {
  /** True once this loop's generation crashed: its results must be thrown away. */
  isAbandoned(): boolean;
  /** True once the group is stopping gracefully. */
  isStopping(): boolean;
  /** The handling of the record at this offset is done: commit past it. */
  settled(offset: number): void;
}

export type Deliver = (
  subscription: Subscription,
  records: readonly StoredRecord[],
  control: RunControl,
) => Promise<RunResult>;

/** A partition's consumption loop; its position is the committed offset, as for a Kafka consumer. */
interface PartitionCursor {
  busy: boolean;
  loop?: Promise<void>;
}

const PAUSE_AFTER_UNEXPECTED_FAILURE_MS = 100;

/**
 * One consumer group on one topic: committed offsets per partition, and one sequential loop per
 * partition that hands each message to the member owning that partition (partition p goes to member
 * p mod n, re-evaluated between messages, like a rebalance). A crash bumps the generation: loops of
 * the old generation are dead processes whose results are thrown away, and the next member to join
 * starts again from the committed offsets.
 */
export class InMemoryConsumerGroup {
  private members: Subscription[] = [];
  private generation = 0;
  private stopping = false;
  private readonly committed: number[];
  private readonly cursors: PartitionCursor[];

  constructor(
    readonly groupId: string,
    private readonly log: TopicLog,
    fromBeginning: boolean,
    private readonly notifier: ChangeNotifier,
    private readonly deliver: Deliver,
    private readonly logger: BusLogger,
  ) {
    this.committed = fromBeginning ? log.partitions.map(() => 0) : log.endOffsets();
    this.cursors = this.committed.map(() => ({ busy: false }));
  }

  join(subscription: Subscription): void {
    this.members.push(subscription);
    this.cursors.forEach((cursor, partition) => {
      cursor.loop ??= this.consume(partition, this.generation);
    });
    this.notifier.notify();
  }

  /** Every member dies at once, without committing what is in flight. */
  crash(): void {
    this.generation += 1;
    this.members = [];
    for (const cursor of this.cursors) {
      cursor.busy = false;
      cursor.loop = undefined;
    }
    this.notifier.notify();
  }

  /** Graceful stop: in-flight messages finish and are committed, then the loops end. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notifier.notify();
    await Promise.all(this.cursors.map((cursor) => cursor.loop));
  }

  /** Per partition, messages on the topic this group has not committed yet (for the lag metric). */
  lag(): Array<{ topic: string; partition: number; lag: number }> {
    return this.log.partitions.map((records, partition) => ({
      topic: this.log.name,
      partition,
      lag: records.length - (this.committed[partition] ?? 0),
    }));
  }

  /** Nothing left to do: caught up everywhere, or no live member that could make progress. */
  isIdle(): boolean {
    if (this.stopping || this.members.length === 0) return true;
    return this.cursors.every(
      (cursor, partition) =>
        !cursor.busy && (this.committed[partition] ?? 0) >= (this.log.partitions[partition]?.length ?? 0),
    );
  }

  private async consume(partition: number, generation: number): Promise<void> {
    const cursor = this.cursors[partition];
    if (!cursor) return;
    const isCurrent = (): boolean => generation === this.generation;
    while (isCurrent() && !this.stopping) {
      const owner = this.members[partition % this.members.length];
      const start = this.committed[partition] ?? 0;
      // What a Kafka fetch would return: the messages already on the partition, up to a run's size.
      const records = owner
        ? (this.log.partitions[partition] ?? []).slice(start, start + runSizeOf(owner))
        : [];
      if (!owner || records.length === 0) {
        await this.notifier.next();
        continue;
      }
      cursor.busy = true;
      try {
        await this.deliver(owner, records, {
          isAbandoned: () => !isCurrent(),
          isStopping: () => this.stopping,
          settled: (offset) => {
            if (isCurrent()) this.committed[partition] = offset + 1;
          },
        });
      } catch (error) {
        // Only a failed dead-letter append lands here; keep the offset and try the message again.
        this.logger.error(
          { topic: this.log.name, partition, error: String(error) },
          'in-memory delivery failed',
        );
        await sleep(PAUSE_AFTER_UNEXPECTED_FAILURE_MS);
      } finally {
        if (isCurrent()) cursor.busy = false;
        // Once busy is cleared, so that idle() waiters see the committed offsets and the free cursor together.
        this.notifier.notify();
      }
    }
  }
}
