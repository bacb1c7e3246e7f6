import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export type DatabaseConfig = AppConfig['database'];

const MIGRATION_LOCK_KEY = 7_240_251_120; // arbitrary, constant: serialises migrations across instances

function baseOptions() {
  return {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
}

/** A DataSource on the embedded PGlite database that also closes PGlite (and its lock) on destroy. */
class EmbeddedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly embedded: EmbeddedDatabase,
  ) {
    super(options);
  }

  override async destroy(): Promise<void> {
    try {
      if (this.isInitialized) await super.destroy();
    } finally {
      await this.embedded.close();
    }
  }
}

export async function createDataSource(config: DatabaseConfig): Promise<DataSource> {
  if (config.kind === 'postgres') {
    return new DataSource({
      ...baseOptions(),
      url: config.url,
      poolSize: config.poolSize,
      extra: {
        application_name: 'compact-voices',
        statement_timeout: config.statementTimeoutMs,
        connectionTimeoutMillis: 5_000,
      },
    });
  }
  const embedded = await openEmbeddedDatabase(config.dataDir);
  return new EmbeddedDataSource(
    {
      ...baseOptions(),
      // PGlite is single-session: one connection, through the real `pg` client.
      poolSize: 1,
      extra: { connection: createPgConfig(embedded.db).connection },
    },
    embedded,
  );
}

/**
 * Applies pending migrations. On a real server an advisory lock, held on its own connection,
 * keeps two instances starting together from migrating at once. (The embedded database has
 * one process and one connection, so it needs no lock — and taking one would deadlock.)
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dataSource instanceof EmbeddedDataSource) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  }
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}

/** SQL that would bring the database in line with the entities; empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
