import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import type { DataSource } from 'typeorm';
import type { AuditVerification } from '@compact-voices/contracts';
import { AuditService } from '../core/audit/audit.service.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { DataDirLock, DataDirLockedError } from '../core/database/embedded-database.js';

/** One line for the operator and the exit code: 0 intact, 1 broken (naming the first broken entry). */
export async function verifyAuditChain(dataSource: DataSource): Promise<{ result: AuditVerification; line: string; exitCode: number }> {
  const result = await new AuditService(dataSource).verify();
  return result.ok
    ? { result, line: `audit chain intact: ${result.entries} entries`, exitCode: 0 }
    : { result, line: `audit chain BROKEN at entry ${result.firstBrokenId} (of ${result.entries})`, exitCode: 1 };
}

/**
 * `npm run audit:verify`: recompute the audit log's hash chain with the app's own configuration
 * (DATABASE_URL, or the embedded database in DATA_DIR — which must not be in use by a running app).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'embedded') DataDirLock.assertFree(config.database.dataDir);
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    const { line, exitCode } = await verifyAuditChain(dataSource);
    process.stdout.write(`${line}\n`);
    process.exitCode = exitCode;
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : `audit verification failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`, () => process.exit(2));
  });
}
