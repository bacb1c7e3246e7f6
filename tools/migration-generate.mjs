// Writes a new migration with the SQL that brings a freshly migrated database in line with the
// entities. Review and tidy the result before committing it: migrations are reviewed code.
//   npm run migration:generate -- <kebab-summary>
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const summary = process.argv[2];
if (!summary || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(summary)) {
  process.stderr.write('usage: npm run migration:generate -- <kebab-summary>\n');
  process.exit(2);
}
execFileSync('npx', ['nx', 'run', 'api:build', '--skip-nx-cache'], { stdio: 'inherit' });
const { createDataSource, runMigrations } = await import('../apps/api/dist/core/database/data-source.js');

const dir = mkdtempSync(join(tmpdir(), 'cv-migration-'));
const dataSource = await createDataSource({ kind: 'embedded', dataDir: join(dir, 'pglite') });
try {
  await dataSource.initialize();
  await runMigrations(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    process.stdout.write('Entities and migrations agree: nothing to generate.\n');
  } else {
    const timestamp = Date.now();
    const className = summary.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()) + timestamp;
    const render = (queries) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const file = join('apps/api/src/core/database/migrations', `${timestamp}-${summary}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`,
    );
    process.stdout.write(`Wrote ${file}; add it to migrations/index.ts after review.\n`);
  }
} finally {
  await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
}
