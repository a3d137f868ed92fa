export * from './envelope';
export * from './contract';
export * from './topics';
export * from './primitives';
export * from './event-factory';
export * from './json-schema';
export * from './registry';
export * from './events';
