// Drops this run's template (a database, or a PGlite directory) and any suite database (and login role) a crashed suite left behind.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const run = process.env.CV_TEST_RUN;
  if (!run) return;
  if (process.env.TEST_DATABASE === 'embedded') {
    // The migrated PGlite directory of this run (test-database.ts embeddedTemplateDir).
    rmSync(join(tmpdir(), `${run}-pglite-template`), { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'`, [run]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    // Roles go after the databases: a role that still owns objects somewhere cannot be dropped.
    const roles = await client.query(`SELECT rolname FROM pg_roles WHERE rolname LIKE $1 || '%'`, [run]);
    for (const { rolname } of roles.rows) await client.query(`DROP ROLE IF EXISTS "${rolname}"`);
  } finally {
    await client.end();
  }
}
