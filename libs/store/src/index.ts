export * from './mongo-connection';
export * from './schema-options';
export * from './apply-once';
export * from './in-memory-documents';
export * from './keyed-serializer';
export * from './counted-tokens';
export * from './outage';
