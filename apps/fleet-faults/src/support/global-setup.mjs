// One migrated PostgreSQL cluster per run of the fault suite: each spec's fleet starts from a copy
// of it (tools/fleet/postgres-cluster.mjs `template`) instead of running initdb and every migration
// again. The copy is made with the built migrate command, as docker-compose.yml's `migrate` service does.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, startPostgresCluster } from '../../../../tools/fleet/index.mjs';

const ROOT = resolve(import.meta.dirname, '../../../..');

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'cv-fault-template-'));
  chmodSync(dir, 0o755);
  const cluster = await startPostgresCluster({ dir: join(dir, 'postgres'), port: await freePort() });
  try {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query('CREATE DATABASE compact_voices');
    await client.end();
    await promisify(execFile)(process.execPath, [join(ROOT, 'apps/api/dist/cli/migrate.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: cluster.url.replace(/\/postgres$/, '/compact_voices'),
        APP_SECRET: 'fault-suite-template-secret-0123456789abcdef',
        DATA_DIR: join(dir, 'data'),
      },
    });
  } finally {
    await cluster.stop('fast');
  }
  process.env.FAULT_POSTGRES_TEMPLATE = join(dir, 'postgres', 'data');
  process.env.FAULT_TEMPLATE_DIR = dir;
}
