import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AppConfig, ConfigError } from '../../config/app-config.js';
import { createDataSource } from './data-source.js';
import { migrateDatabase } from './database-roles.js';
import { DataDirLockedError } from './embedded-database.js';

const logger = new Logger('Database');

/**
 * An idle pooled connection that the server drops (a restart, a failover) emits 'error' on the pool;
 * unheard, that would end the process. Heard, the pool replaces the connection and requests in the
 * meantime fail fast with 503.
 */
function watchPool(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: { on?(event: 'error', listener: (error: Error) => void): void } }).master;
  pool?.on?.('error', (error) =>
    logger.warn({ event: 'database.connection_lost', err: error.message }, 'a pooled database connection failed; it will be replaced'),
  );
}

/**
 * Opens the database (real PostgreSQL or embedded PGlite) and applies pending migrations before
 * anything serves: as DATABASE_OWNER_URL's role when set, then the app's grants (database-roles.ts).
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The options are built by createDataSource; Nest only needs to know it is Postgres.
          // A server that is still starting gets a few retries; a locked embedded directory or a role problem gets none.
          useFactory: () => ({
            type: 'postgres',
            retryAttempts: config.database.kind === 'postgres' ? 5 : 0,
            retryDelay: 2_000,
            toRetry: (error: unknown) => !(error instanceof DataDirLockedError || error instanceof ConfigError),
          }),
          dataSourceFactory: async () => {
            const dataSource = await createDataSource(config.database);
            await dataSource.initialize();
            watchPool(dataSource);
            await migrateDatabase(config.database, dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
