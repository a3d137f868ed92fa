import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@relais/contracts';
import type { DeliveredMessage, EventBus, Subscription } from '../event-bus';
import { waitFor } from './async-helpers';

/** A message as stored on a topic, read back raw (dead-letter topics hold non-envelopes too). */
export interface RawRecord {
  partition: number;
  key: string;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * What a contract suite needs from an adapter. The bus must be built with
 * `isTransient: isContractTransientError` and a transient backoff of a few milliseconds.
 */
export interface EventBusContractHarness {
  bus: EventBus;
  /** The `maxAttempts` the bus was built with; at least 4, so that "fails twice, then succeeds" fits. */
  maxAttempts: number;
  /** How long to wait for an asynchronous delivery before failing a test. */
  deliveryTimeoutMs: number;
  /** A fresh topic with at least 3 partitions, and its `.dlq` topic. */
  newTopic(): Promise<string>;
  /** Puts bytes on a topic as they are, bypassing envelope validation: how poison messages arrive. */
  publishRaw(
    topic: string,
    message: { key: string; value: string; headers?: Record<string, string> },
  ): Promise<void>;
  /** Everything currently on a topic. */
  readTopic(topic: string): Promise<RawRecord[]>;
  /**
   * The members of `subscription.groupId` die without committing what they are handling (their
   * handlers may still be running, like a zombie process), and a replacement subscribes with the same
   * subscription. Resolves once the replacement is a member of the group.
   */
  crashAndRestart(subscription: Subscription): Promise<void>;
  cleanup(): Promise<void>;
}

/** What a handler throws in the contract suites to simulate an outage (a database away, a timeout). */
export class ContractTransientError extends Error {
  override readonly name = 'ContractTransientError';
  constructor() {
    super('the store is unreachable for a moment');
  }
}

/** The `isTransient` predicate a harness builds its bus with. */
export function isContractTransientError(error: unknown): boolean {
  return error instanceof ContractTransientError;
}

export const HAPPENED = 'contract.thing.happened.v1';
export const IGNORED = 'contract.thing.ignored.v1';
export const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export type Received = { envelope: EventEnvelope; delivery: DeliveredMessage };

export const uniqueGroup = (): string => `contract-${randomUUID()}`;

export interface ContractFixture {
  harness: EventBusContractHarness;
  /** A fresh topic for the current test. */
  topic: string;
  eventually(condition: () => boolean, what: string): Promise<void>;
}

/** A fresh harness and topic for every test of the enclosing describe block, cleaned up after it. */
export function useContractFixture(
  createHarness: () => Promise<EventBusContractHarness>,
): () => ContractFixture {
  let fixture: ContractFixture | undefined;
  beforeEach(async () => {
    const harness = await createHarness();
    const topic = await harness.newTopic();
    fixture = {
      harness,
      topic,
      eventually: (condition, what) => waitFor(condition, harness.deliveryTimeoutMs, what),
    };
  });
  afterEach(async () => {
    await fixture?.harness.cleanup();
    fixture = undefined;
  });
  return () => {
    if (!fixture) throw new Error('the contract fixture is only available inside a test');
    return fixture;
  };
}
