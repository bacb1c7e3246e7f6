import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/core/database/data-source.js';

/**
 * Integration tests run on a real PostgreSQL (TEST_DATABASE_URL, default the local server) with every
 * suite in its own database cloned from a migrated template; or, with TEST_DATABASE=embedded, each
 * suite on its own embedded PGlite directory.
 */
export const usesEmbedded = process.env.TEST_DATABASE === 'embedded';
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_LOCK_KEY = 7_240_251_121;

/**
 * The migrated template of this run, created by whichever suite gets here first (an advisory lock
 * keeps parallel workers from racing). Jest's global setup cannot load the app's ESM code, so the
 * template is made here, with the same createDataSource/runMigrations as production.
 */
async function ensureTemplate(): Promise<string> {
  const run = process.env.CV_TEST_RUN;
  if (!run) throw new Error('CV_TEST_RUN is not set: run integration tests through their Jest config');
  const template = `${run}_template`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      await client.query(`CREATE DATABASE "${template}"`);
      const { createDataSource, runMigrations } = await import('../../src/core/database/data-source.js');
      const dataSource = await createDataSource({ kind: 'postgres', url: databaseUrl(template), poolSize: 2, statementTimeoutMs: 60_000 });
      await dataSource.initialize();
      try {
        await runMigrations(dataSource);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return template;
}

export interface SuiteDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** Where this run's migrated PGlite directory lives; global-teardown removes it. */
export function embeddedTemplateDir(run: string): string {
  return join(tmpdir(), `${run}-pglite-template`);
}

/**
 * The embedded counterpart of the template database: one PGlite directory migrated by the first
 * suite (the others wait for its `ready` mark), copied for each suite. Migrating PGlite from scratch
 * takes most of a suite's start, so it is done once per run.
 */
async function ensureEmbeddedTemplate(): Promise<string> {
  const run = process.env.CV_TEST_RUN;
  if (!run) throw new Error('CV_TEST_RUN is not set: run integration tests through their Jest config');
  const root = embeddedTemplateDir(run);
  const ready = join(root, 'ready');
  let creator = false;
  try {
    mkdirSync(root);
    creator = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (creator) {
    const { createDataSource, runMigrations } = await import('../../src/core/database/data-source.js');
    const dataSource = await createDataSource({ kind: 'embedded', dataDir: join(root, 'pglite'), statementTimeoutMs: 120_000 });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    writeFileSync(ready, '');
  }
  const deadline = Date.now() + 180_000;
  while (!existsSync(ready)) {
    if (Date.now() > deadline) throw new Error(`The embedded template in ${root} was not made within 3 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return join(root, 'pglite');
}

/** A fresh database for one suite: a clone of the migrated template (a database, or a PGlite directory). */
export async function createSuiteDatabase(): Promise<SuiteDatabase> {
  if (usesEmbedded) {
    const template = await ensureEmbeddedTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'cv-test-'));
    cpSync(template, join(dir, 'pglite'), { recursive: true });
    return {
      config: { kind: 'embedded', dataDir: join(dir, 'pglite'), statementTimeoutMs: 15_000 },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const template = await ensureTemplate();
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    config: { kind: 'postgres', url: databaseUrl(name), poolSize: 5, statementTimeoutMs: 15_000 },
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
