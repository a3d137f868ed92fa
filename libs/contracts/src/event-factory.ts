import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EventContract } from './contract';
import type { EventEnvelope } from './envelope';

export interface EventOrigin {
  source: string;
  correlationId: string;
  causationId?: string;
  now: Date;
}

export interface PendingEvent {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly eventType: string,
    readonly issues: readonly string[],
  ) {
    super(`${eventType} does not match its contract: ${issues.join('; ')}`);
  }
}

/** Only paths and zod messages: never the offending values, which may be personal. */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * A fact must not be joinable to the personal events of the same save: it gets its own correlation
 * id and no causation, where an event carries the request's.
 */
function correlationOf(
  contract: EventContract,
  origin: EventOrigin,
): Pick<EventEnvelope, 'correlationId' | 'causationId'> {
  if (contract.classification === 'anonymous') return { correlationId: randomUUID() };
  return origin.causationId === undefined
    ? { correlationId: origin.correlationId }
    : { correlationId: origin.correlationId, causationId: origin.causationId };
}

/** Facts carry the day at most: a finer time could help single out a person. */
function occurredAtFor(contract: EventContract, now: Date): string {
  if (contract.classification === 'personal-reference') return now.toISOString();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return day.toISOString();
}

/**
 * Validates `data` against the contract at publish time and wraps it in an envelope. Unknown keys are
 * stripped by the schema, so nothing beyond the contract can leave a service.
 */
export function createEvent<TSchema extends z.ZodType>(
  contract: EventContract<TSchema>,
  data: z.input<TSchema>,
  origin: EventOrigin,
): PendingEvent {
  const parsed = contract.schema.safeParse(data);
  if (!parsed.success) throw new ContractViolation(contract.type, describeIssues(parsed.error));
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: contract.type,
    source: origin.source,
    occurredAt: occurredAtFor(contract, origin.now),
    ...correlationOf(contract, origin),
    data: parsed.data,
  };
  return { topic: contract.topic, key: contract.keyOf(parsed.data), envelope };
}

/** Consumers read data through the contract: a message that does not match is a poison message. */
export function readEvent<TSchema extends z.ZodType>(
  contract: EventContract<TSchema>,
  envelope: EventEnvelope,
): z.infer<TSchema> {
  if (envelope.type !== contract.type)
    throw new ContractViolation(contract.type, [`type is ${envelope.type}`]);
  const parsed = contract.schema.safeParse(envelope.data);
  if (!parsed.success) throw new ContractViolation(contract.type, describeIssues(parsed.error));
  return parsed.data;
}
