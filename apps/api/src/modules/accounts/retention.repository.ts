import { Injectable } from '@nestjs/common';
import { affectedCount, rowsOf } from '../../core/database/query-result.js';
import { SqlRepository } from '../../core/database/sql-repository.js';

/** The SQL of the retention purge: each statement forgets what is past its time and returns how many rows it touched. */
@Injectable()
export class RetentionRepository extends SqlRepository {
  /** Sessions' client-address hashes after 30 days. */
  async forgetAddressHashes(): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `UPDATE user_session SET ip_hash = NULL WHERE ip_hash IS NOT NULL AND created_at < now() - interval '30 days'`,
      ),
    );
  }

  /** Mail tokens a day after they were used or expired. */
  async deleteSpentMailTokens(): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM email_token WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'`,
      ),
    );
  }

  /** Sessions 30 days after they expired or were revoked. */
  async deleteEndedSessions(): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM user_session WHERE expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days'`,
      ),
    );
  }

  /** Idempotency records (a copy of the response) after `ttlDays`. */
  async deleteIdempotencyKeys(ttlDays: number): Promise<number> {
    return affectedCount(
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(days => $1)`, [ttlDays]),
    );
  }

  /** Full exports that finished more than `retentionDays` ago and still have a file. */
  async fullExportsDue(retentionDays: number): Promise<string[]> {
    const due = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `SELECT id FROM export_job WHERE privacy = 'full' AND file_name IS NOT NULL AND finished_at < now() - make_interval(days => $1)`,
        [retentionDays],
      ),
    );
    return due.map((job) => job.id);
  }

  /** The export's file is gone: the job forgets its name. */
  async forgetExportFile(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE export_job SET file_name = NULL WHERE id = $1`, [id]);
  }
}
