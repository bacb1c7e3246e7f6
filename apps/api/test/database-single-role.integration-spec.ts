import { auditLogProtection } from '../src/core/database/database-roles.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { usesEmbedded } from './support/test-database.js';

/*
 * In a file of its own: nestjs-pino keeps its root logger in module state, so only the first app of a
 * test file logs to its own stream, and this test reads the start log (database-roles has the other).
 */

/** Log lines reach the suite's stream a little after they are written. */
async function logsOnceMatching(testApp: TestApp, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (!pattern.test(testApp.logs()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return testApp.logs();
}

describe('the app with a single database role (DATABASE_OWNER_URL unset, or the embedded database)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp.close());

  it('works as before and says at start that the audit log is only tamper-evident, and why', async () => {
    expect(await auditLogProtection(testApp.dataSource.manager)).toBe('tamper-evident');
    const logs = await logsOnceMatching(testApp, /audit log:/);
    if (usesEmbedded) expect(logs).toContain('audit log: tamper-evident only — the embedded database has a single role');
    else
      expect(logs).toMatch(
        /audit log: tamper-evident only — the app's database role \S+ could rewrite it; run migrations as the owner \(DATABASE_OWNER_URL\)/,
      );
  });
});
