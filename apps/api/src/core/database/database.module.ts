import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { createDataSource, runMigrations } from './data-source.js';
import { DataDirLockedError } from './embedded-database.js';

/** Opens the database (real PostgreSQL or embedded PGlite) and applies pending migrations before anything serves. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The options are built by createDataSource; Nest only needs to know it is Postgres.
          // A server that is still starting gets a few retries; a locked embedded directory gets none.
          useFactory: () => ({
            type: 'postgres',
            retryAttempts: config.database.kind === 'postgres' ? 5 : 0,
            retryDelay: 2_000,
            toRetry: (error: unknown) => !(error instanceof DataDirLockedError),
          }),
          dataSourceFactory: async () => {
            const dataSource = await createDataSource(config.database);
            await dataSource.initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
