/**
 * Import rules of docs/design.md §3, enforced in CI (`npm run deps:check`).
 * Paths are real paths: workspace symlinks (@relais/*) resolve to libs/, services/ and apps/.
 */
module.exports = {
  forbidden: [
    {
      name: 'services-are-independent',
      comment: 'A service never imports another service: they talk only through events (docs/design.md §3).',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing outside its own domain folder, no I/O.',
      severity: 'error',
      from: { path: '^services/([^/]+)/src/domain/' },
      to: { pathNot: '^services/$1/src/domain/' },
    },
    {
      name: 'application-does-not-know-adapters',
      comment:
        'Use cases depend on ports, never on their adapters (src/infrastructure), the wiring (compose, ' +
        'in-memory, mongo, main) or the drivers the adapters wrap (mongoose, the MongoDB driver, kafkajs, express).',
      severity: 'error',
      from: { path: '^services/([^/]+)/src/application/' },
      to: {
        path: [
          '^services/$1/src/(infrastructure/|compose\\.ts$|in-memory\\.ts$|mongo\\.ts$|main\\.ts$)',
          '(^|/)node_modules/(mongoose|mongodb|kafkajs|express)/',
        ],
      },
    },
    {
      name: 'runtime-does-not-import-test-support',
      comment:
        'Runtime code (the src of every lib, service and app) never imports @relais/testing, a ' +
        'src/testing folder or a test folder: what runs in production carries no test double (docs/design.md §3). ' +
        'Only test support itself (libs/testing, the src/testing folders) may.',
      severity: 'error',
      from: {
        path: '^(libs|services|apps)/[^/]+/src/',
        pathNot: ['^libs/testing/', '^(libs|services|apps)/[^/]+/src/testing/'],
      },
      to: {
        path: [
          '^libs/testing/',
          '^(libs|services|apps)/[^/]+/src/testing/',
          '^(libs|services|apps)/[^/]+/test/',
        ],
      },
    },
    {
      name: 'contracts-import-nothing-internal',
      comment: 'libs/contracts is the shared language: it depends on no other internal package.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(libs|services|apps)/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'libs-do-not-import-services-or-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(services|apps)/' },
    },
    {
      name: 'services-do-not-import-apps',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
