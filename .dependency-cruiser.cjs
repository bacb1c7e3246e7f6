/**
 * Architecture rules, checked in `npm test` beside lint (`npm run lint:deps`):
 * no import cycles; a web feature reaches another only through its api/ folder (shared code lives
 * in components/, hooks/, lib/; pages compose features in app/); an API feature module uses another
 * only through its public surface (module, services, events, entities, presenters, DTOs, and the
 * files listed as public below), never its internals.
 */
const API_PUBLIC = [
  '\\.(module|service|events|entity|presenter|interceptor|repository)\\.ts$',
  '/dto/',
  // Shared domain rules, public on purpose: the disclosure layer's seal and statistics, who an author
  // reads as, who holds a government tie, and the browser session's refresh cookie.
  '^apps/api/src/modules/disclosure/(seal|statistics|release-audit)\\.ts$',
  '^apps/api/src/modules/comments/author-label\\.ts$',
  '^apps/api/src/modules/organisations/government-ties\\.ts$',
  '^apps/api/src/modules/accounts/refresh-cookie\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle makes load order matter and a module impossible to read on its own. TypeORM entities that relate to each other are the one exception: their relations name each other. A cycle closed by a type-only import is not one at run time (a contract type derived from its schema names the module whose constants the schema uses).',
      from: { path: '^(apps|libs)/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'web-feature-isolation',
      severity: 'error',
      comment:
        'A web feature uses another only through its api/ folder (the queries and caches of the server state it owns); anything else both need moves to components/, hooks/ or lib/, or is composed in app/.',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: ['^apps/web/src/features/$1/', '^apps/web/src/features/[^/]+/api/'] },
    },
    {
      name: 'api-module-internals',
      severity: 'error',
      comment: 'An API feature uses another feature only through its public surface, not its internals.',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: { path: '^apps/api/src/modules/', pathNot: ['^apps/api/src/modules/$1/', ...API_PUBLIC] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage|tmp)/|\\.spec\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
