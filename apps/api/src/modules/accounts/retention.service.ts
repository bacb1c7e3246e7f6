import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_KEY_TTL_DAYS } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { JobQueue } from '../../core/jobs/job-queue.service.js';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const addressHashes = affectedCount(
        await this.dataSource.query(
          `UPDATE user_session SET ip_hash = NULL WHERE ip_hash IS NOT NULL AND created_at < now() - interval '30 days'`,
        ),
      );
      const mailTokens = affectedCount(
        await this.dataSource.query(
          `DELETE FROM email_token WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'`,
        ),
      );
      const sessions = affectedCount(
        await this.dataSource.query(
          `DELETE FROM user_session WHERE expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days'`,
        ),
      );
      const idempotencyKeys = affectedCount(
        await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(days => $1)`, [
          IDEMPOTENCY_KEY_TTL_DAYS,
        ]),
      );
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
    const due = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `SELECT id FROM export_job WHERE privacy = 'full' AND file_name IS NOT NULL AND finished_at < now() - make_interval(days => $1)`,
        [this.config.exports.fullRetentionDays],
      ),
    );
    for (const { id } of due) {
      await rm(join(this.config.exportDir, id), { recursive: true, force: true });
      await this.dataSource.query(`UPDATE export_job SET file_name = NULL WHERE id = $1`, [id]);
    }
    return due.length;
  }
}
