// Client tests (jsdom). Run alone with `npx jest -c client/jest.config.cjs` from the repository root,
// or as a project of the root jest config; rootDir is this folder either way.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'client',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '\\.(css|less|svg|png|jpg)$': '<rootDir>/src/test/fileStub.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @ant-design/icons' CommonJS build requires an ES-module file of @ant-design/colors.
    '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setupTests.ts'],
};
