// @ts-check
/*
 * Jest for the web client, in native ESM mode (run with `node --experimental-vm-modules`).
 *
 * Why .mjs and not jest.config.ts: on Node 20 Jest can only read a TypeScript config through
 * ts-node, which this workspace does not install. Node >= 22.18 strips types natively; once CI
 * runs on it, this file can be renamed to jest.config.ts unchanged (the JSDoc types are checked
 * by `tsc -p apps/web/tsconfig.json` meanwhile).
 */
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('jest').Config} */
const config = {
  displayName: 'web',
  rootDir: webRoot,
  roots: ['<rootDir>/src'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.spec.mjs'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
          // Keep `with { type: 'json' }`: Jest's ESM loader requires it for JSON modules.
          experimental: { keepImportAttributes: true },
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    // The build splits a language file in two (vite.config.ts); the tests load it whole for each part.
    '^(.+/translation\\.json)\\?part=(first|later)$': '$1',
    '^@compact-voices/contracts$': '<rootDir>/../../libs/shared/contracts/src/index.ts',
    '^@compact-voices/contracts/schemas$': '<rootDir>/../../libs/shared/contracts/src/schemas.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.css$': '<rootDir>/src/test/style-stub.ts',
  },
  setupFiles: ['<rootDir>/src/test/setup.ts'],
  // Above Testing Library's 3 s wait (test/setup.ts), so a test that waits one out still has time to finish.
  testTimeout: 15_000,
  clearMocks: true,
  restoreMocks: true,
};

export default config;
