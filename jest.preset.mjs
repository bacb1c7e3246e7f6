// Shared Jest settings: native ESM (Nest 12 is ESM-only) with swc for speed.
// Run Jest with NODE_OPTIONS=--experimental-vm-modules (the npm scripts do).
export const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export const basePreset = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The contracts from source, both entries: no tier waits for (or races) their build.
    '^@compact-voices/contracts$': '<rootDir>/libs/shared/contracts/src/index.ts',
    '^@compact-voices/contracts/schemas$': '<rootDir>/libs/shared/contracts/src/schemas.ts',
  },
  testEnvironment: 'node',
  rootDir: import.meta.dirname,
};
