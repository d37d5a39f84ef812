// One jest run for everything: server and shared (node), client components (jsdom) and browser tests.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/server/test/global-setup.ts',
  globalTeardown: '<rootDir>/server/test/global-teardown.ts',
  transform: common.transform,
  projects: [
    {
      ...common,
      displayName: 'server',
      rootDir: __dirname,
      roots: ['<rootDir>/server/src', '<rootDir>/shared/src', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/server/test/setup.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      rootDir: __dirname,
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/e2e/setup.ts'],
    },
    '<rootDir>/client/jest.config.cjs',
  ],
};
