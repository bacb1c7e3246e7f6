import { basePreset } from '../../jest.preset.mjs';

const embedded = process.env.TEST_DATABASE === 'embedded';

/**
 * The embedded tier is not a second copy of the PostgreSQL tier. PGlite is PostgreSQL itself, so
 * every query means the same on both; what differs is around the SQL: one connection shared by the
 * whole app (a query made while a transaction holds it waits for ever), one database role, pg-boss
 * in its PGlite mode, the export reader that cannot hold a snapshot, and start-up (migrations,
 * seeding, the data-directory lock). These suites cover those paths: the write paths that mix a
 * transaction with reads (comments, idempotency claims, ratings and their releases, flags and
 * decisions, organisations), the jobs (exports, retention), live threads and their replay, the
 * audit chain under a single role, and start-up. The browser journeys also run on PGlite.
 */
const EMBEDDED_SUITES = [
  'catalogue.e2e-spec.ts',
  'comments.e2e-spec.ts',
  'ratings.e2e-spec.ts',
  'realtime.e2e-spec.ts',
  'exports.e2e-spec.ts',
  'moderation.e2e-spec.ts',
  'organisations.e2e-spec.ts',
  'account-hardening.e2e-spec.ts',
  'operations.e2e-spec.ts',
  'audit-chain.integration-spec.ts',
  'database-single-role.integration-spec.ts',
];

/**
 * Integration and e2e tests on a real database: PostgreSQL by default (each suite in its own
 * database cloned from a migrated template), or the embedded PGlite with TEST_DATABASE=embedded
 * (each suite on a copy of a migrated PGlite directory).
 */
export default {
  ...basePreset,
  displayName: embedded ? 'api:integration:embedded' : 'api:integration:postgres',
  roots: ['<rootDir>/apps/api/test'],
  testMatch: embedded ? EMBEDDED_SUITES.map((suite) => `**/${suite}`) : ['**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
};
