import type { DataSource } from 'typeorm';
import { createDataSource, pendingSchemaChanges, runMigrations } from '../src/core/database/data-source.js';
import { MIGRATIONS } from '../src/core/database/migrations/index.js';
import { createSuiteDatabase, type SuiteDatabase } from './support/test-database.js';

describe('database schema', () => {
  let database: SuiteDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createSuiteDatabase();
    dataSource = await createDataSource(database.config);
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('has every migration applied', async () => {
    const applied: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('matches the entities exactly (a missing or wrong migration fails here)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('rolls every migration back and forward again cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables: Array<{ tablename: string }> = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await runMigrations(dataSource);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('enforces catalogue invariants in the database', async () => {
    await expect(
      dataSource.query(`INSERT INTO country (iso3, name, subregion, in_region) VALUES ('XXX', 'Nowhere', NULL, true)`),
    ).rejects.toThrow(/country_in_region_check/);
    await expect(dataSource.query(`INSERT INTO objective (number, title) VALUES (24, 'Not an objective')`)).rejects.toThrow(
      /objective_number_check/,
    );
    await expect(
      dataSource.query(`INSERT INTO recommendation (code, principle_code, position, text) VALUES ('ZZ-1', 'ZZ', 1, 'x')`),
    ).rejects.toThrow(/recommendation_principle_code_fkey/);
  });
});
