import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPauseControl {
  /** True once the consumer died (simulated crash). */
  isAbandoned?(): boolean;
  /** True once the consumer is stopping or lost the partition: a retry would be wasted. */
  isStopping?(): boolean;
  /** Tells the group this member is alive (Kafka); rejects when the member lost its partitions. */
  heartbeat?(): Promise<void>;
}

/**
 * Short enough that a stopping consumer notices within a blink, long enough to cost nothing; kafkajs
 * throttles heartbeats to its own interval, so calling it at each slice is cheap.
 */
const SLICE_MS = 250;

/**
 * Waits `ms` before a retry, in slices, heartbeating between them so that a long wait (up to the
 * transient cap) neither loses the partition nor holds up a shutdown. Resolves false when the wait was
 * cut short because the consumer stopped or died: the message must then be left uncommitted.
 */
export async function pauseBeforeRetry(ms: number, control: RetryPauseControl): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (control.isAbandoned?.() || control.isStopping?.()) return false;
    const left = deadline - Date.now();
    if (left <= 0) return true;
    await sleep(Math.min(left, SLICE_MS));
    await control.heartbeat?.();
  }
}
