import { getConstructionPlans } from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { ConfigError } from '../../config/app-config.js';
import { createDataSource, type DatabaseConfig, runMigrations } from './data-source.js';

/**
 * Two roles on PostgreSQL (DATABASE_OWNER_URL set): the owner runs the migrations and owns the
 * tables; the app's role (DATABASE_URL) reads and writes them, but may only INSERT into and SELECT
 * from the audit log and its daily heads. Not being their owner, it can neither change or delete an
 * entry nor switch their append-only triggers off. With one role (DATABASE_OWNER_URL unset, and
 * always on the embedded database, which has a single role) the app could rewrite the log: the keyed
 * chain still shows it, so the log is tamper-evident, not tamper-proof.
 */

/** Tables the app's role may only add to and read. */
const APPEND_ONLY_TABLES = ['audit_event', 'audit_head'];
/** The schema ExportQueue gives pg-boss, which creates tables and partitions in it while it runs. */
const JOB_QUEUE_SCHEMA = 'pgboss';

export type AuditLogProtection = 'append-only' | 'tamper-evident';

type Query = Pick<EntityManager, 'query'>;

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function currentRole(db: Query): Promise<string> {
  const [row]: Array<{ role: string }> = await db.query('SELECT current_user AS role');
  return row!.role;
}

/**
 * What the role of this connection could do to the audit log: `append-only` when it can neither
 * UPDATE, DELETE nor TRUNCATE it nor act as its owner (who may ALTER it and DISABLE its triggers).
 * Asked of the database, not inferred from the configuration, so a role set up by hand counts too.
 */
export async function auditLogProtection(db: Query): Promise<AuditLogProtection> {
  const [row]: Array<{ rewritable: boolean }> = await db.query(
    `SELECT bool_or(pg_has_role(current_user, c.relowner, 'MEMBER')
                    OR has_any_column_privilege(c.oid, 'UPDATE')
                    OR has_table_privilege(c.oid, 'DELETE')
                    OR has_table_privilege(c.oid, 'TRUNCATE')) AS rewritable
     FROM pg_class c WHERE c.oid = ANY (ARRAY[${APPEND_ONLY_TABLES.map((table) => `'${table}'::regclass`).join(', ')}])`,
  );
  return row?.rewritable === false ? 'append-only' : 'tamper-evident';
}

/**
 * As the owner, after every migration run (so tables added later get the same rights, with no
 * default privileges to keep in step): the app's role may read and write every table but only add
 * to and read the append-only ones, only read the migrations table, and owns the job queue's schema.
 */
export async function grantAppRole(owner: DataSource, role: string): Promise<void> {
  const app = quoteIdentifier(role);
  await owner.transaction(async (manager) => {
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    // Table-level REVOKE takes the same column privileges with it.
    await manager.query(
      `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${APPEND_ONLY_TABLES.map(quoteIdentifier).join(', ')} FROM ${app}`,
    );
    await manager.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "migrations" FROM ${app}`);
  });
  await handOverJobQueue(owner, role);
}

/**
 * pg-boss creates partitions under its tables as it runs, which takes their owner; and installing it
 * runs CREATE SCHEMA IF NOT EXISTS, which needs CREATE on the database even when the schema exists.
 * So the owner installs it and hands the schema and everything in it to the app's role — also the
 * schema of a deployment that ran with one role until now. Needs an owner that is a superuser or a
 * member of the app's role (PostgreSQL's rule for giving objects to another role).
 */
async function handOverJobQueue(owner: DataSource, role: string): Promise<void> {
  const app = quoteIdentifier(role);
  const schema = quoteIdentifier(JOB_QUEUE_SCHEMA);
  try {
    await owner.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${app}`);
    const [installed]: Array<{ version: string | null }> = await owner.query(`SELECT to_regclass($1) AS version`, [
      `${JOB_QUEUE_SCHEMA}.version`,
    ]);
    if (!installed?.version) await owner.query(getConstructionPlans(JOB_QUEUE_SCHEMA));
    const statements: Array<{ statement: string }> = await owner.query(
      `WITH app AS (SELECT oid FROM pg_roles WHERE rolname = $2), ns AS (SELECT oid, nspowner FROM pg_namespace WHERE nspname = $1)
       SELECT format('ALTER SCHEMA %I OWNER TO %I', $1, $2) AS statement FROM ns, app WHERE ns.nspowner <> app.oid
       UNION ALL
       SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.oid::regclass, $2)
       FROM pg_class c, ns, app
       WHERE c.relnamespace = ns.oid AND c.relowner <> app.oid AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
         -- a sequence owned by a column moves with its table
         AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2) FROM pg_proc p, ns, app WHERE p.pronamespace = ns.oid AND p.proowner <> app.oid
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $2) FROM pg_type t, ns, app
       WHERE t.typnamespace = ns.oid AND t.typowner <> app.oid AND t.typtype IN ('e', 'd')`,
      [JOB_QUEUE_SCHEMA, role],
    );
    for (const { statement } of statements) await owner.query(statement);
  } catch (error) {
    const ownerRole = await currentRole(owner).catch(() => 'the owner');
    throw new ConfigError(
      `DATABASE_OWNER_URL: ${ownerRole} could not hand the job queue's schema "${JOB_QUEUE_SCHEMA}" to ${role} (${(error as Error).message}); ` +
        `make it a member of that role (GRANT ${app} TO ${quoteIdentifier(ownerRole)}) or use a superuser`,
    );
  }
}

/**
 * Applies pending migrations: as the owner when DATABASE_OWNER_URL is set, then the grants for the
 * app's role (a separate short-lived connection, closed before anything serves); else as the app's
 * own role, as before. The app's role never needs to change the schema once this has run.
 */
export async function migrateDatabase(config: DatabaseConfig, app: DataSource): Promise<string[]> {
  if (config.kind !== 'postgres' || !config.ownerUrl) {
    try {
      return await runMigrations(app);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      throw new ConfigError(
        `Invalid configuration: DATABASE_URL's role may not change the schema, and migrations are pending; set DATABASE_OWNER_URL (${(error as Error).message})`,
      );
    }
  }
  const owner = await createDataSource({
    kind: 'postgres',
    url: config.ownerUrl,
    poolSize: 2,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  await owner.initialize();
  try {
    const applied = await runMigrations(owner);
    const [appRole, ownerRole] = await Promise.all([currentRole(app), currentRole(owner)]);
    if (appRole !== ownerRole) await grantAppRole(owner, appRole);
    return applied;
  } finally {
    await owner.destroy();
  }
}
