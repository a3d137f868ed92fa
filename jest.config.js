// Two projects: `unit` needs nothing but Node (in-memory adapters, embedded identity provider);
// `integration` runs against real Kafka, a MongoDB-compatible server and Keycloak, found by the
// global setup (see libs/testing/src/infrastructure). Files ending in .int.test.ts are integration.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    },
  ],
};

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

export default {
  // Integration tests start consumers and processes; a project-level testTimeout is not honoured.
  testTimeout: 60000,
  // With one worker (2 cores), jest runs every file in its own process, whose module registries (ESM
  // through vm modules, each file importing express, mongoose, kafkajs, zod anew) pile up: the suite
  // peaked near 1.8 GB. With a limit, jest uses a worker even then and replaces it after any test file
  // that leaves it above this much memory (docs/benchmarks.md, "Test suite cost").
  workerIdleMemoryLimit: '512MB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{libs,services,apps}/*/test/**/*.test.ts',
        '<rootDir>/deploy/test/**/*.test.ts',
        '<rootDir>/bench/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{libs,services,apps}/*/test/**/*.int.test.ts',
        '<rootDir>/deploy/test/**/*.int.test.ts',
        '<rootDir>/bench/test/**/*.int.test.ts',
      ],
      globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infrastructure/global-teardown.ts',
    },
  ],
};
