import { basePreset } from '../../jest.preset.mjs';

/**
 * Integration and e2e tests on a real database: PostgreSQL by default (each suite in its own
 * database cloned from a migrated template), or the embedded PGlite with TEST_DATABASE=embedded.
 */
export default {
  ...basePreset,
  displayName: process.env.TEST_DATABASE === 'embedded' ? 'api:integration:embedded' : 'api:integration:postgres',
  roots: ['<rootDir>/apps/api/test'],
  testMatch: ['**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
};
