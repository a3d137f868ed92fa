export * from './mongo-test-database';
