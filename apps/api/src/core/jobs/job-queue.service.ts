import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss, type Job, type Queue, type ScheduleOptions, type SendOptions, type WorkOptions } from 'pg-boss';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';

/**
 * The app's one job queue: pg-boss with its tables in PostgreSQL (schema `pgboss`), so any instance
 * of a fleet may pick a job up, a crashed one's job is retried elsewhere, and a cron schedule fires
 * once per fleet, not once per instance. On the embedded database pg-boss runs in its PGlite mode
 * through the app's single connection. Started on first use; stopped (gracefully) at shutdown.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private starting: Promise<PgBoss> | undefined;
  /** This instance's workers by queue: a job sent here wakes them at once instead of at their next poll. */
  private readonly workers = new Map<string, string[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Creates (or updates) the queue and takes its jobs on this instance. */
  async work<T extends object>(
    queue: string,
    options: Omit<Queue, 'name'>,
    work: WorkOptions,
    handler: (jobs: Array<Job<T>>) => Promise<void>,
  ): Promise<void> {
    const boss = await this.boss();
    await boss.createQueue(queue, options);
    // An existing queue takes the new options, except its policy, which is fixed at creation.
    const { policy: _fixedAtCreation, ...changeable } = options;
    await boss.updateQueue(queue, changeable);
    const workerId = await boss.work<T>(queue, work, handler);
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), workerId]);
  }

  /**
   * Queues a job. If this instance works the queue it starts the job now; another instance's
   * workers find it at their next poll (within a second).
   */
  async send(queue: string, data: object, options: SendOptions = {}): Promise<void> {
    const boss = await this.boss();
    await boss.send(queue, data, options);
    for (const workerId of this.workers.get(queue) ?? []) boss.notifyWorker(workerId);
  }

  /** A cron schedule kept in the database: every instance may declare it, one job fires per tick. */
  async schedule(queue: string, cron: string, options: ScheduleOptions = {}): Promise<void> {
    await (await this.boss()).schedule(queue, cron, null, options);
  }

  /** Stop taking jobs; a running one finishes (or is picked up again after a restart). */
  async onApplicationShutdown(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    this.workers.clear();
    if (!starting) return;
    const boss = await starting.catch(() => undefined);
    await boss?.stop({ graceful: true, timeout: 15_000 }).catch(() => undefined);
  }

  private boss(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const database = this.config.database;
    const boss =
      database.kind === 'postgres'
        ? new PgBoss({
            connectionString: database.url,
            max: 2,
            schema: 'pgboss',
            application_name: 'compact-voices-jobs',
          } as ConstructorParameters<typeof PgBoss>[0])
        : new PgBoss({
            db: { executeSql: (text: string, values?: unknown[]) => this.executeSql(text, values) },
            backend: 'pglite',
            schema: 'pgboss',
          });
    boss.on('error', (error: Error) => this.logger.warn({ event: 'jobs.error', err: error.message }, 'job queue error'));
    await boss.start();
    return boss;
  }

  /** pg-boss over the app's own connection (the embedded database has exactly one). */
  private async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as {
      query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
    };
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
