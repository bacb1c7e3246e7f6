import { basePreset } from '../../jest.preset.mjs';

/**
 * Browser journeys: Debian's Chromium driven by playwright-core against the built app
 * (API + web on one port, embedded database in a temporary directory) started by global setup.
 */
export default {
  ...basePreset,
  displayName: 'web-e2e',
  roots: ['<rootDir>/apps/web-e2e/src'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/apps/web-e2e/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/web-e2e/src/support/global-teardown.mjs',
  testTimeout: 60_000,
  // Two journeys at once against the one app: much of a journey is waiting (for the network to go
  // idle, for a mail, for a socket), and each journey makes its own people and rounds.
  maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
};
