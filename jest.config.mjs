// One jest run, three levels. ESM throughout (NestJS 12 is ESM-only), so ts-jest transpiles
// each file on its own (isolatedModules) and node runs them with --experimental-vm-modules.
const base = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^#([a-z-]+)/application$': '<rootDir>/libs/$1/src/application/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

export default {
  // Opening an embedded PGlite takes seconds on a loaded 2-core machine; a hook or test that
  // waits for a real server should not fail on jest's 5 s default (a global option: projects
  // do not inherit it). Tests still wait for conditions, never for time.
  testTimeout: 60_000,
  // On two cores jest would run every file in its own process, one after another, and that
  // process grows with each ESM module graph it loads until it runs out of heap (it did at about
  // 120 of 190 files). With a limit jest runs the files in a worker instead, still one at a time,
  // and starts a fresh worker whenever the last one grew past it.
  workerIdleMemoryLimit: '1500MB',
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.mjs',
  reporters: [
    'default',
    '<rootDir>/libs/testing/src/skip-summary-reporter.mjs',
    '<rootDir>/libs/testing/src/run-timing-reporter.mjs',
  ],
  projects: [
    // test/web holds the web app's Node-side checks (apps/web itself is browser code, see its tsconfig).
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/web/**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/{apps,test}/**/*.e2e-spec.ts'] },
    // The web app in a real Chromium against a real server; its setup builds dist/web when stale
    // and finds the browser (a loud skip without one, a failure under CI=true).
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/web/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/web/support/browser-global-setup.mjs',
    },
  ],
};
