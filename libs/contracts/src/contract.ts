import type { z } from 'zod';

/**
 * `personal-reference` events go to `<service>.events.v1` and may carry the least personal data a
 * sibling needs (a user id, a display name, a school code). `anonymous` facts go to
 * `<service>.facts.v1`, carry no person reference of any kind, and are the only input of stats.
 */
export type DataClassification = 'personal-reference' | 'anonymous';

/**
 * A place in an event's data that names one person, sealed on the wire under that person's key
 * (ADR 0033): once the key is destroyed, every copy of it on every topic and dead-letter topic is
 * unreadable. `'$'` is the data itself, of which `fields` are sealed (the rest, such as the course
 * the message is keyed by, stays readable); any other `at` names an array whose every element is one
 * person, sealed whole. `idField` says where the person's id is, in the data or in the element.
 */
export type PersonPlace =
  | { readonly at: '$'; readonly idField: string; readonly fields: readonly string[] }
  | { readonly at: string; readonly idField: string; readonly fields?: undefined };

export interface EventContract<TSchema extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly topic: string;
  readonly classification: DataClassification;
  readonly description: string;
  readonly schema: TSchema;
  /** The Kafka key: events of one key are delivered in order. */
  readonly keyOf: (data: z.infer<TSchema>) => string;
  readonly example: z.infer<TSchema>;
  /**
   * Where the data names people: required of every `personal-reference` contract whose data holds a
   * person's id, and checked against its example (libs/contracts/test: nothing personal stays readable).
   */
  readonly persons?: readonly PersonPlace[];
}

/** Every contract made by defineEvent: the registry finds them among the exports of ./events. */
const definedContracts = new WeakSet<object>();

export function isEventContract(value: unknown): value is EventContract {
  return typeof value === 'object' && value !== null && definedContracts.has(value);
}

export function defineEvent<TSchema extends z.ZodType>(
  contract: EventContract<TSchema>,
): EventContract<TSchema> {
  const expectedTopicKind = contract.classification === 'anonymous' ? 'facts' : 'events';
  const [service] = contract.type.split('.');
  if (contract.topic !== `${service}.${expectedTopicKind}.v1`) {
    throw new Error(
      `${contract.type} is ${contract.classification}: it belongs on ${service}.${expectedTopicKind}.v1`,
    );
  }
  definedContracts.add(contract);
  return contract;
}
