import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * What every feature's repository shares: the app's data source, and `transaction`, whose
 * `EntityManager` the statements that must share it take. Inside a transaction no statement may
 * use the data source itself: the embedded database has a single connection, and a query made
 * outside the transaction while it holds that connection waits for ever.
 */
export abstract class SqlRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
