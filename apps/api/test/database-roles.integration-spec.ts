import { randomBytes } from 'node:crypto';
import { getConstructionPlans } from 'pg-boss';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { AuditVerification, ExportJob } from '@compact-voices/contracts';
import { createDataSource } from '../src/core/database/data-source.js';
import { auditLogProtection, currentRole, migrateDatabase } from '../src/core/database/database-roles.js';
import { signIn, signUpAndIn, type SignedIn } from './support/accounts.js';
import { TEST_ADMIN, createTestApp, type TestApp } from './support/test-app.js';
import { createSuiteDatabase, databaseUrl, usesEmbedded, withAdmin } from './support/test-database.js';

/** A login role of this test run (global-teardown drops any a crashed suite leaves). */
async function createRole(): Promise<{ user: string; password: string }> {
  const role = { user: `${process.env.CV_TEST_RUN}_app_${randomBytes(3).toString('hex')}`, password: randomBytes(12).toString('hex') };
  await withAdmin((client) => client.query(`CREATE ROLE "${role.user}" LOGIN PASSWORD '${role.password}'`));
  return role;
}

/** Log lines reach the suite's stream a little after they are written. */
async function logsOnceMatching(testApp: TestApp, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (!pattern.test(testApp.logs()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return testApp.logs();
}

(usesEmbedded ? describe.skip : describe)('the app on PostgreSQL as a role that cannot rewrite the audit log (DATABASE_OWNER_URL)', () => {
  let role: { user: string; password: string };
  let testApp: TestApp;
  let server: App;
  let admin: SignedIn;

  beforeAll(async () => {
    role = await createRole();
    testApp = await createTestApp({}, { connectAs: role });
    server = testApp.app.getHttpServer();
    admin = await signIn(testApp, TEST_ADMIN.email, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await testApp?.close();
    await withAdmin((client) => client.query(`DROP ROLE IF EXISTS "${role.user}"`));
  });

  it('runs as that role (migrations and grants as the owner) and says the audit log is append-only', async () => {
    expect(await currentRole(testApp.dataSource.manager)).toBe(role.user);
    expect(await auditLogProtection(testApp.dataSource.manager)).toBe('append-only');
    expect(await logsOnceMatching(testApp, /audit log: append-only/)).toContain(
      `audit log: append-only for the app's database role ${role.user}`,
    );
    const [owner]: Array<{ owner: string }> = await testApp.dataSource.query(
      `SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_event'`,
    );
    expect(owner!.owner).not.toBe(role.user);
  });

  it('works: sign-up, a privileged action written to the audit log, an export job on the queue, a verified chain', async () => {
    const person = await signUpAndIn(testApp);
    await request(server)
      .patch(`/api/v1/users/${person.user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['participant', 'moderator'] })
      .expect(200);
    const created = await request(server)
      .post('/api/v1/exports')
      .set(admin.auth)
      .send({ dataset: 'recommendations', format: 'csv', privacy: 'full' })
      .expect(202);
    const deadline = Date.now() + 30_000;
    let job = created.body as ExportJob;
    while (!['done', 'failed', 'cancelled'].includes(job.status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await request(server).get(`/api/v1/exports/${job.id}`).set(admin.auth).expect(200)).body as ExportJob;
    }
    expect(job.status).toBe('done');
    const actions = (await testApp.dataSource.query(`SELECT action FROM audit_event ORDER BY position`)).map(
      (row: { action: string }) => row.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.roles_changed', 'export.full_requested']));
    const verification = (await request(server).get('/api/v1/audit/verify').set(admin.auth).expect(200)).body as AuditVerification;
    expect(verification).toMatchObject({ ok: true, keyedEntries: actions.length, heads: 1 });
  });

  it('refuses UPDATE, DELETE, TRUNCATE and ALTER TABLE … DISABLE TRIGGER on the audit log and its heads to that role', async () => {
    const attempt = (sql: string) => testApp.dataSource.query(sql);
    for (const table of ['audit_event', 'audit_head']) {
      await expect(attempt(`UPDATE ${table} SET mac = mac`)).rejects.toThrow(new RegExp(`permission denied for table ${table}`));
      await expect(attempt(`DELETE FROM ${table}`)).rejects.toThrow(new RegExp(`permission denied for table ${table}`));
      await expect(attempt(`TRUNCATE ${table}`)).rejects.toThrow(new RegExp(`permission denied for table ${table}`));
      await expect(attempt(`ALTER TABLE ${table} DISABLE TRIGGER USER`)).rejects.toThrow(new RegExp(`must be owner of table ${table}`));
      await expect(attempt(`DROP TABLE ${table}`)).rejects.toThrow(new RegExp(`must be owner of table ${table}`));
    }
    await expect(attempt(`INSERT INTO migrations (timestamp, name) VALUES (1, 'forged')`)).rejects.toThrow(
      /permission denied for table migrations/,
    );
    const [{ count }]: Array<{ count: number }> = await attempt(`SELECT count(*)::int AS count FROM audit_event`);
    expect(count).toBeGreaterThan(0);
  });

  it('gives tables added later the same rights at the next migration run, without default privileges', async () => {
    const config = testApp.databaseConfig;
    if (config.kind !== 'postgres' || !config.ownerUrl) throw new Error('expected a two-role configuration');
    const owner = await createDataSource({ kind: 'postgres', url: config.ownerUrl, poolSize: 1, statementTimeoutMs: 15_000 });
    await owner.initialize();
    try {
      // What a later migration does, as the owner.
      await owner.query(`CREATE TABLE later_note (id serial PRIMARY KEY, body text NOT NULL)`);
      expect(await auditLogProtection(owner.manager)).toBe('tamper-evident');
      await expect(testApp.dataSource.query(`SELECT * FROM later_note`)).rejects.toThrow(/permission denied for table later_note/);
      await migrateDatabase(config, testApp.dataSource);
      await testApp.dataSource.query(`INSERT INTO later_note (body) VALUES ('a')`);
      await testApp.dataSource.query(`UPDATE later_note SET body = 'b'`);
      await testApp.dataSource.query(`DELETE FROM later_note`);
      expect(await auditLogProtection(testApp.dataSource.manager)).toBe('append-only');
    } finally {
      await owner.query(`DROP TABLE IF EXISTS later_note`);
      await owner.destroy();
    }
  });

  it('hands the job queue of a deployment that ran with one role until now to the app role', async () => {
    const suite = await createSuiteDatabase();
    if (suite.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const owner = await createDataSource({ ...suite.config, poolSize: 1 });
    await owner.initialize();
    const url = new URL(suite.config.url);
    url.username = role.user;
    url.password = role.password;
    const app = await createDataSource({ ...suite.config, url: url.toString(), poolSize: 1 });
    await app.initialize();
    try {
      // One role so far: the owner ran pg-boss, which made its schema.
      await owner.query(getConstructionPlans('pgboss'));
      await migrateDatabase({ ...suite.config, url: url.toString(), ownerUrl: suite.config.url }, app);
      const [counts]: Array<{ schemas: number; relations: number; routines: number; types: number }> = await owner.query(
        `SELECT (SELECT count(*)::int FROM pg_namespace WHERE nspname = 'pgboss' AND nspowner::regrole::text <> $1) AS schemas,
                (SELECT count(*)::int FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace AND relkind IN ('r', 'p', 'S') AND relowner::regrole::text <> $1) AS relations,
                (SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'pgboss'::regnamespace AND proowner::regrole::text <> $1) AS routines,
                (SELECT count(*)::int FROM pg_type WHERE typnamespace = 'pgboss'::regnamespace AND typtype = 'e' AND typowner::regrole::text <> $1) AS types`,
        [role.user],
      );
      expect(counts).toEqual({ schemas: 0, relations: 0, routines: 0, types: 0 });
      // Creating a queue makes a partition under pgboss.job: it takes being the owner.
      await app.query(`SELECT pgboss.create_queue('after-hand-over', '{"policy":"standard"}'::jsonb)`);
    } finally {
      await app.destroy();
      await owner.destroy();
      await suite.drop();
    }
  });

  it('stops with one line naming DATABASE_OWNER_URL when that role alone meets pending migrations', async () => {
    const name = `${process.env.CV_TEST_RUN}_empty_${randomBytes(3).toString('hex')}`;
    await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(databaseUrl(name));
    url.username = role.user;
    url.password = role.password;
    const alone = await createDataSource({ kind: 'postgres', url: url.toString(), poolSize: 2, statementTimeoutMs: 15_000 });
    await alone.initialize();
    try {
      await expect(
        migrateDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2, statementTimeoutMs: 15_000 }, alone),
      ).rejects.toThrow(
        /^Invalid configuration: DATABASE_URL's role may not change the schema, and migrations are pending; set DATABASE_OWNER_URL/,
      );
    } finally {
      await alone.destroy();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });
});
