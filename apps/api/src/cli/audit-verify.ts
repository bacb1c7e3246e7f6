import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import type { AuditVerification } from '@compact-voices/contracts';
import { describeBreak } from '../core/audit/audit-chain.js';
import { AuditRepository } from '../core/audit/audit.repository.js';
import { AuditService } from '../core/audit/audit.service.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { DataDirLock, DataDirLockedError } from '../core/database/embedded-database.js';
import { loadAppSecrets } from '../core/security/app-secrets.js';

/**
 * The first line for scripts and the exit code: 0 intact, 1 broken (naming the first broken entry);
 * `detail` says in words what the break means.
 */
export async function verifyAuditChain(
  audit: AuditService,
): Promise<{ result: AuditVerification; line: string; detail: string; exitCode: number }> {
  const result = await audit.verify();
  if (result.ok) {
    const heads = `${result.heads} daily head${result.heads === 1 ? '' : 's'} matched`;
    return { result, line: `audit chain intact: ${result.entries} entries`, detail: `${result.keyedEntries} keyed, ${heads}`, exitCode: 0 };
  }
  const line =
    result.firstBrokenId === null
      ? `audit chain BROKEN (of ${result.entries})`
      : `audit chain BROKEN at entry ${result.firstBrokenId} (of ${result.entries})`;
  return { result, line, detail: describeBreak(result), exitCode: 1 };
}

/**
 * `npm run audit:verify`: recompute the audit log's chains with the app's own configuration
 * (DATABASE_URL, or the embedded database in DATA_DIR — which must not be in use by a running app —
 * and APP_SECRET, or the secret the app generated in DATA_DIR, from which the chain's key derives).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'embedded') DataDirLock.assertFree(config.database.dataDir);
  const secrets = loadAppSecrets(config, { create: false });
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    const { line, detail, exitCode } = await verifyAuditChain(new AuditService(dataSource, secrets, config, new AuditRepository()));
    process.stdout.write(`${line}\n${detail}\n`);
    process.exitCode = exitCode;
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof DataDirLockedError
        ? error.message
        : `audit verification failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`, () => process.exit(2));
  });
}
