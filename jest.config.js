// Three kinds of test (see README): node tests (domain, functions, local cloud, content, scripts)
// and page tests rendered with miniprogram-simulate in jsdom.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.tests.json', diagnostics: false }];

// Starting a local cloud (SQLite, worker threads, esbuild) takes seconds on a busy 2-core machine:
// jest's 5 s default made restart tests flaky there. Benchmarks, not timeouts, judge speed.
// (jest-circus reads testTimeout from the global config only: a project's own value is ignored.)

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  // Three files at a time on CI's two cores: jest's default (cores - 1) is one worker, which leaves
  // the machine idle while a test waits on its local cloud; measured on two cores, three workers
  // finish the function tests about 10% sooner than two. Page tests get a cloud per worker (globalSetup).
  maxWorkers: 3,
  testSequencer: '<rootDir>/tests/harness/slowFirstSequencer.js',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{domain,functions,localcloud,content,scripts}/**/*.test.ts'],
      // The seed content, written once per run; each file's cloud starts from a copy (tests/harness).
      globalSetup: '<rootDir>/tests/harness/seededTemplate.ts',
      globalTeardown: '<rootDir>/tests/harness/seededTemplateTeardown.ts',
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/pages/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/pages/harness/setupGlobals.ts'],
      globalSetup: '<rootDir>/tests/pages/harness/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/pages/harness/globalTeardown.ts',
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
      transform: {
        '^.+\\.ts$': tsJest,
        // TDesign ships ES modules in miniprogram_npm
        'miniprogram_npm/.+\\.js$': ['babel-jest', { plugins: ['@babel/plugin-transform-modules-commonjs'] }],
      },
      transformIgnorePatterns: ['/node_modules/'],
    },
    {
      // The web console in headless Chromium from npm (@sparticuz/chromium + playwright-core), one browser per file.
      displayName: 'console',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/console/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/console/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/harness/seededTemplateTeardown.ts',
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      // miniprogram-automator specs: they run only where WeChat DevTools is installed (see README).
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
