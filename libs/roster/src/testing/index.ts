export * from './roster-store-contract';
