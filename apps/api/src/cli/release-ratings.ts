import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../core/database/data-source.js';
import { DataDirLock, DataDirLockedError } from '../core/database/embedded-database.js';
import { loadAppSecrets } from '../core/security/app-secrets.js';
import { RatingReleasesRepository } from '../modules/disclosure/rating-releases.repository.js';
import { RatingReleasesService } from '../modules/disclosure/rating-releases.service.js';
import { ThreadLogService } from '../modules/threads/thread-log.service.js';
import { ThreadsRepository } from '../modules/threads/threads.repository.js';

/**
 * `node apps/api/dist/cli/release-ratings.js`: give every cell whose ratings were loaded straight
 * into the database (npm run seed:load) the releases the running app would have made — the same
 * rules, in one pass, before the app starts. With the app's configuration (DATABASE_URL or the
 * embedded database in DATA_DIR, which must not be in use).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'embedded') DataDirLock.assertFree(config.database.dataDir);
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    const emitter = new EventEmitter2();
    const repository = new RatingReleasesRepository();
    const releases = new RatingReleasesService(
      dataSource,
      repository,
      new ThreadLogService(new ThreadsRepository(dataSource), emitter),
      config,
      loadAppSecrets(config),
      emitter,
    );
    const started = Date.now();
    await releases.sweep();
    // The planner should know the new tables' sizes before the app's first reads.
    await repository.analyze(dataSource.manager);
    const cells = await repository.releasedCellCount(dataSource.manager);
    process.stdout.write(`rating releases: ${cells} cells published in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof DataDirLockedError
        ? error.message
        : `rating releases failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`, () => process.exit(2));
  });
}
