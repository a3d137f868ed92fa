export { describeEventBusContract, type EventBusContractHarness, type RawRecord } from './event-bus-contract';
export { describeOutboxStoreContract, type OutboxStoreContractHarness } from './outbox-store-contract';
export { anEnvelope } from './envelopes';
export { deferred, waitFor, type Deferred } from './async-helpers';
