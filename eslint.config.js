import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-server/**', '**/node_modules/**', '**/coverage/**', 'tmp/**', 'data/**', '.nx/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The rules that need types (no-floating-promises, no-misused-promises) run in oxlint with
      // tsgolint, on TypeScript 7 (.oxlintrc.json, `npm run lint:types`): the same checks in a fifth of the time.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Nx scope tags: apps may use the shared contracts; contracts use nothing; apps never import each other.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    // core/ is what every feature stands on: it never reaches into a feature. Features register with
    // core instead (drain hooks, the socket adapter set up in app.setup.ts). The entity list is the one
    // exception: TypeORM needs every entity class in one place.
    files: ['apps/api/src/core/**/*.ts'],
    ignores: ['apps/api/src/core/database/entities.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'core/ must not import a feature module.' }] }],
    },
  },
  {
    // Nest injects by the emitted constructor parameter types: those imports must stay value imports.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['libs/shared/contracts/**/*.ts'],
    rules: {
      // The contracts library stays framework-free.
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'react', 'react-*', 'typeorm', 'express', 'class-validator'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts', 'apps/web-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Layout is Prettier's (`npm run format`); no lint rule argues with it.
  prettier,
);
