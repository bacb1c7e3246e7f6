import { basePreset } from '../../jest.preset.mjs';

/** Unit tests: pure logic, no database. */
export default {
  ...basePreset,
  displayName: 'api:unit',
  roots: ['<rootDir>/apps/api/src'],
  testMatch: ['**/*.spec.ts'],
};
