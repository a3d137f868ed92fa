export type {
  BatchHandler,
  DeliveredEnvelope,
  DeliveredMessage,
  EventBus,
  EventHandler,
  OutgoingMessage,
  Subscription,
} from './event-bus';
export { DEFAULT_MAX_BATCH_SIZE } from './event-bus';
export type { BusLogger } from './bus-logger';
export { silentLogger } from './bus-logger';
export { EventBusClosedError, InvalidEnvelopeError } from './errors';
export { DeadLetterHeaders } from './delivery/dead-letter';
export { DEFAULT_MAX_ATTEMPTS, type RetryOptions } from './delivery/retry-policy';
export { describeError } from './delivery/scrub-error';

export {
  InMemoryEventBus,
  type InMemoryEventBusOptions,
  type StoredRecord,
} from './memory/in-memory-event-bus';

export { KafkaEventBus } from './kafka/kafka-event-bus';
export type { KafkaConnectionConfig, KafkaConsumerTimings, KafkaEventBusConfig } from './kafka/kafka-config';
export type { KafkaLogLevel } from './kafka/kafka-log-bridge';
export { ensureTopics, untilLeadersKnown, type TopicSpec } from './kafka/ensure-topics';

export type {
  ClaimedDocument,
  OutboxBacklog,
  OutboxFields,
  OutboxLease,
  OutboxStore,
  PendingEvent,
} from './outbox/outbox-store';
export { InMemoryOutboxStore, type OutboxStoreOptions } from './outbox/in-memory-outbox-store';
export {
  MongoOutboxStore,
  type MongoOutboxStoreOptions,
  type OutboxCollectionSource,
} from './outbox/mongo-outbox-store';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';

export type { ErasureProgress, PersonKey, PersonKeyring, PersonKeyState } from './sealing/person-keyring';
export { personKeyIdOf } from './sealing/person-key-id';
export { InMemoryPersonKeyring } from './sealing/in-memory-person-keyring';
export { MongoPersonKeyring } from './sealing/mongo-person-keyring';
export { PersonSealer, SEALED, type PersonSealerOptions } from './sealing/person-sealer';
export { SealingEventBus } from './sealing/sealing-event-bus';
