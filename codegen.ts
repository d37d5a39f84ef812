import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed client operations generated from the server's schema (client/schema.graphql).
const config: CodegenConfig = {
  schema: 'client/schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, scalars: { Money: 'string' }, useTypeImports: true, skipTypename: false },
    },
  },
};
export default config;
