import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { affectedCount } from '../../core/database/query-result.js';

const EVERY_HOURS = 6;

/**
 * Data we promised not to keep: client-address hashes after 30 days, spent mail tokens, and
 * sessions long over. Runs at start and every six hours; each statement is idempotent, so
 * several instances running it is harmless.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), EVERY_HOURS * 3_600_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async purge(): Promise<{ addressHashes: number; mailTokens: number; sessions: number }> {
    try {
      const addressHashes = affectedCount(
        await this.dataSource.query(`UPDATE user_session SET ip_hash = NULL WHERE ip_hash IS NOT NULL AND created_at < now() - interval '30 days'`),
      );
      const mailTokens = affectedCount(
        await this.dataSource.query(`DELETE FROM email_token WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'`),
      );
      const sessions = affectedCount(
        await this.dataSource.query(
          `DELETE FROM user_session WHERE expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days'`,
        ),
      );
      if (addressHashes + mailTokens + sessions > 0) this.logger.log({ addressHashes, mailTokens, sessions }, 'retention purge');
      return { addressHashes, mailTokens, sessions };
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'retention purge failed; will retry');
      return { addressHashes: 0, mailTokens: 0, sessions: 0 };
    }
  }
}
