import { eventually } from '@relais/testing';
import type { AcceptedWrites } from './accepted-writes';

/**
 * Waits until `expected` facts are counted and, when they came through an outbox, acknowledged there
 * too (the relay acknowledges after Kafka did). On timeout, says how far it got and what `context`
 * adds about the processes involved.
 */
export async function untilCounted(
  counted: () => Promise<number>,
  expected: number,
  { timeoutMs, writes, context }: { timeoutMs: number; writes?: AcceptedWrites; context: () => string },
): Promise<void> {
  const acknowledged = async () => (writes ? (await writes.pending()) === 0 : true);
  try {
    await eventually(
      async () => ((await counted()) >= expected && (await acknowledged()) ? true : undefined),
      timeoutMs,
    );
  } catch (error) {
    const outbox = writes ? `, ${await writes.pending()} still in the outbox` : '';
    throw new Error(`${await counted()} of ${expected} counted; ${context()}${outbox}`, { cause: error });
  }
}
