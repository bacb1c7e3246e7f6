import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { auditLogProtection, currentRole, migrateDatabase } from '../core/database/database-roles.js';
import { DataDirLock, DataDirLockedError } from '../core/database/embedded-database.js';

/**
 * `node apps/api/dist/cli/migrate.js`: apply pending migrations and the app role's grants, then
 * exit — what the app does at start, for a deployment that keeps the owner's credentials out of the
 * long-running instances (docker-compose.yml's `migrate` service): run it with DATABASE_OWNER_URL
 * and DATABASE_URL, and the instances with DATABASE_URL only.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'embedded') DataDirLock.assertFree(config.database.dataDir);
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    const applied = await migrateDatabase(config.database, dataSource);
    const [protection, role] = await Promise.all([auditLogProtection(dataSource.manager), currentRole(dataSource.manager)]);
    process.stdout.write(
      `migrations: ${applied.length} applied${applied.length ? ` (${applied.join(', ')})` : ''}; audit log ${protection} for ${role}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof DataDirLockedError
        ? error.message
        : `migrations failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`, () => process.exit(2));
  });
}
