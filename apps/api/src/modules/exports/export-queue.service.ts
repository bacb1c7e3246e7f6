import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss } from 'pg-boss';
import type { DataSource } from 'typeorm';
import { currentRequestId, withRequestId } from '../../core/logging/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { ExportRunner } from './export-runner.service.js';
import { regenerateOutdatedOpenData } from './open-data-regeneration.js';

const QUEUE = 'exports';

/**
 * Exports run as pg-boss jobs: the queue lives in PostgreSQL (schema `pgboss`), so any instance of
 * a fleet may pick a job up and a crashed one's job is retried elsewhere. On the embedded database
 * pg-boss runs in its PGlite mode through the app's single connection.
 */
@Injectable()
export class ExportQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Exports');
  private boss: PgBoss | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly runner: ExportRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const database = this.config.database;
    const boss =
      database.kind === 'postgres'
        ? new PgBoss({ connectionString: database.url, max: 2, schema: 'pgboss', application_name: 'compact-voices-jobs' } as ConstructorParameters<typeof PgBoss>[0])
        : new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => this.executeSql(text, values) }, backend: 'pglite', schema: 'pgboss' });
    boss.on('error', (error: Error) => this.logger.warn({ event: 'jobs.error', err: error.message }, 'job queue error'));
    await boss.start();
    // Workers beat every 15 s while an export runs; a job whose instance was killed (no beat for
    // 30 s) is retried by another instance instead of waiting out the hour of expireInSeconds.
    await boss.createQueue(QUEUE, { retryLimit: 2, retryDelay: 5, expireInSeconds: 3_600, heartbeatSeconds: 30 });
    await boss.updateQueue(QUEUE, { heartbeatSeconds: 30 });
    await boss.work<{ exportId: string; requestId?: string }>(QUEUE, { localConcurrency: this.config.exports.concurrency, pollingIntervalSeconds: 1 }, async (jobs) => {
      // The job runs under the id of the request that queued it: its log lines join that request's.
      for (const job of jobs) await withRequestId(job.data.requestId, () => this.runner.run(job.data.exportId));
    });
    this.boss = boss;
    const regenerated = await regenerateOutdatedOpenData(this.dataSource, this.config.exportDir).catch((error: Error) => {
      this.logger.warn({ event: 'open_data.regeneration_failed', err: error.message }, 'outdated open-data packs not regenerated');
      return [];
    });
    for (const exportId of regenerated) await this.enqueue(exportId);
    if (regenerated.length > 0) this.logger.log({ event: 'open_data.regenerating', packs: regenerated.length }, 'open-data packs of an older layout withdrawn; new packs queued');
  }

  async enqueue(exportId: string): Promise<void> {
    if (!this.boss) throw new Error('job queue not started');
    await this.boss.send(QUEUE, { exportId, requestId: currentRequestId() }, { singletonKey: exportId });
  }

  /** Stop taking jobs; a running export finishes (or is picked up again after a restart). */
  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 15_000 }).catch(() => undefined);
    this.boss = undefined;
  }

  /** pg-boss over the app's own connection (the embedded database has exactly one). */
  private async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>> };
    try {
      const result = await client.query(text, values);
      // A multi-statement block (BEGIN … RETURNING … COMMIT) answers per statement: pg-boss wants every row.
      return { rows: Array.isArray(result) ? result.flatMap((part) => part.rows ?? []) : result.rows };
    } catch (error) {
      // One session for the whole app: a block that failed inside BEGIN must not leave it aborted.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
