import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/app-config.js';
import { setUpApp } from '../../src/app.setup.js';
import type { DatabaseConfig } from '../../src/core/database/data-source.js';
import { createSuiteDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  databaseConfig: DatabaseConfig;
  /** Base URL when started with { listen: true }. */
  url(): string;
  dataSource: DataSource;
  /** This app's DATA_DIR (the mail outbox lives in <dataDir>/outbox). */
  dataDir: string;
  /** Every log line written so far, as text. */
  logs(): string;
  close(): Promise<void>;
}

export const TEST_ADMIN = { email: 'secretariat@test.example', password: 'secretariat passphrase 2027' };

/**
 * The real application (same module graph and HTTP pipeline as main.ts) on a suite-private database.
 * `connectAs` (PostgreSQL only): the app connects as that role and migrates as the suite database's
 * owner (DATABASE_OWNER_URL), as a two-role deployment does.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { shareDatabaseWith?: TestApp; listen?: boolean; connectAs?: { user: string; password: string } } = {},
): Promise<TestApp> {
  // A second instance on the same database (fleet tests) leaves dropping it to the first.
  const suite = options.shareDatabaseWith
    ? { config: options.shareDatabaseWith.databaseConfig, drop: async () => undefined }
    : await createSuiteDatabase();
  const database =
    options.connectAs && suite.config.kind === 'postgres'
      ? {
          ...suite,
          config: { ...suite.config, url: urlAs(suite.config.url, options.connectAs), ownerUrl: suite.config.ownerUrl ?? suite.config.url },
        }
      : suite;
  const dataDir = mkdtempSync(join(tmpdir(), 'cv-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SERVE_WEB: 'false',
    DATA_DIR: dataDir,
    APP_SECRET: 'integration-test-secret-0123456789abcdef',
    PUBLIC_URL: 'http://app.test',
    AUTH_IP_LIMIT_PER_MINUTE: '100000',
    // Every suite signs its people up from one address; accounts.e2e-spec tests these limits themselves.
    SIGNUPS_PER_ADDRESS_PER_HOUR: '100000',
    SIGNUPS_PER_MAILBOX_PER_DAY: '100000',
    FLAGS_PER_ADDRESS_PER_HOUR: '100000',
    // The disclosure suites ask the dashboard many new questions; dashboard-cache.e2e-spec tests this budget.
    DASHBOARD_MISSES_PER_ADDRESS_PER_MINUTE: '100000',
    REPLAY_MISSES_PER_ADDRESS_PER_MINUTE: '100000',
    // The suites play the proxy: X-Forwarded-For from the loopback client stands for the client's address.
    TRUST_PROXY: 'loopback',
    PASSWORD_HASH_CONCURRENCY: '4',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // Suites about other features post from fresh accounts; moderation.e2e-spec tests the hold itself.
    NEW_ACCOUNT_HELD_COMMENTS: '0',
    ...env,
  }).withDatabase(database.config);
  const logStream = new PassThrough();
  const chunks: string[] = [];
  logStream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logStream), {
    bodyParser: false,
    logger: false,
  });
  setUpApp(app, config);
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  return {
    app,
    databaseConfig: database.config,
    url: () => {
      const address = app.getHttpServer().address() as { port: number } | null;
      if (!address) throw new Error('Start the test app with { listen: true }');
      return `http://127.0.0.1:${address.port}`;
    },
    dataSource: app.get<DataSource>(getDataSourceToken()),
    dataDir,
    logs: () => chunks.join(''),
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function urlAs(url: string, role: { user: string; password: string }): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.user);
  parsed.password = encodeURIComponent(role.password);
  return parsed.toString();
}
