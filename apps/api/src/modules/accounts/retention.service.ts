import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IDEMPOTENCY_KEY_TTL_DAYS } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { JobQueue } from '../../core/jobs/job-queue.service.js';
import { RetentionRepository } from './retention.repository.js';

const QUEUE = 'retention';
/** Every hour, at minute 17 (off the hour, when other schedules of a host pile up). */
export const RETENTION_CRON = '17 * * * *';

export interface PurgeResult {
  addressHashes: number;
  mailTokens: number;
  sessions: number;
  idempotencyKeys: number;
  fullExports: number;
}

const NOTHING: PurgeResult = { addressHashes: 0, mailTokens: 0, sessions: 0, idempotencyKeys: 0, fullExports: 0 };

/**
 * Data we promised not to keep (docs/privacy.md, "Retention"): client-address hashes after 30 days,
 * spent mail tokens, sessions long over, idempotency records (which hold a copy of the response,
 * names included) after IDEMPOTENCY_KEY_TTL_DAYS, and full exports' files (names, account ids)
 * EXPORT_FULL_RETENTION_DAYS after they finished. A cron schedule on the shared job queue runs it
 * once an hour for the whole fleet, and once when an instance starts (at most once in ten minutes
 * across the fleet); each step is idempotent, so a retried or repeated run is harmless.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repository: RetentionRepository,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      QUEUE,
      { policy: 'singleton', retryLimit: 3, retryDelay: 60, expireInSeconds: 1_800 },
      { pollingIntervalSeconds: 5 },
      async () => {
        await this.purge();
      },
    );
    await this.jobs.schedule(QUEUE, RETENTION_CRON);
    await this.jobs.send(QUEUE, {}, { singletonKey: 'on-start', singletonSeconds: 600 });
  }

  async purge(): Promise<PurgeResult> {
    try {
      const addressHashes = await this.repository.forgetAddressHashes();
      const mailTokens = await this.repository.deleteSpentMailTokens();
      const sessions = await this.repository.deleteEndedSessions();
      const idempotencyKeys = await this.repository.deleteIdempotencyKeys(IDEMPOTENCY_KEY_TTL_DAYS);
      const fullExports = await this.purgeFullExports();
      const result = { addressHashes, mailTokens, sessions, idempotencyKeys, fullExports };
      if (Object.values(result).some((count) => count > 0)) this.logger.log({ event: 'retention.purged', ...result }, 'retention purge');
      return result;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'retention purge failed; will retry');
      return NOTHING;
    }
  }

  /** Files first, then the row forgets its file name: a crash in between only repeats the delete. */
  private async purgeFullExports(): Promise<number> {
    const due = await this.repository.fullExportsDue(this.config.exports.fullRetentionDays);
    for (const id of due) {
      await rm(join(this.config.exportDir, id), { recursive: true, force: true });
      await this.repository.forgetExportFile(id);
    }
    return due.length;
  }
}
