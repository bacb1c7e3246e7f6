import { basePreset } from '../../jest.preset.mjs';

/**
 * The fault suite (`npm run test:faults`): each spec starts a fleet of its own — a throwaway
 * PostgreSQL cluster, its own Redis, built API instances and nginx running deploy/nginx.conf
 * (tools/fleet) — and breaks one part of it. One spec at a time: they measure recovery and latency on a 2-core machine.
 */
export default {
  ...basePreset,
  displayName: 'fleet-faults',
  roots: ['<rootDir>/apps/fleet-faults/src'],
  testMatch: ['**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/apps/fleet-faults/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/apps/fleet-faults/src/support/global-teardown.mjs',
  testTimeout: 240_000,
  maxWorkers: 1,
};
