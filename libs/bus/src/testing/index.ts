export { describeEventBusContract } from './event-bus-contract';
export {
  ContractTransientError,
  isContractTransientError,
  type EventBusContractHarness,
  type RawRecord,
} from './contract-support';
export { describeOutboxStoreContract, type OutboxStoreContractHarness } from './outbox-store-contract';
export { anEnvelope } from './envelopes';
export { deferred, waitFor, type Deferred } from './async-helpers';
export { describePersonKeyringContract, KEYRING_SERVICES } from './person-keyring-contract';
