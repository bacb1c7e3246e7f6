import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { createDataSource, runMigrations } from './data-source.js';

/** Opens the database (real PostgreSQL or embedded PGlite) and applies pending migrations before anything serves. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The options are built by createDataSource; Nest only needs to know it is Postgres.
          useFactory: () => ({ type: 'postgres' }),
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
