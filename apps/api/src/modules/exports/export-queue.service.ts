import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../core/jobs/job-queue.service.js';
import { currentRequestId, withRequestId } from '../../core/logging/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import { ExportRunner } from './export-runner.service.js';
import { ExportsRepository } from './exports.repository.js';
import { regenerateOutdatedOpenData } from './open-data-regeneration.js';

const QUEUE = 'exports';

/** Exports run as jobs on the shared queue (core/jobs): any instance of a fleet may run one. */
@Injectable()
export class ExportQueue implements OnApplicationBootstrap {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly repository: ExportsRepository,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly runner: ExportRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Workers beat every 15 s while an export runs; a job whose instance was killed (no beat for
    // 30 s) is retried by another instance instead of waiting out the hour of expireInSeconds.
    await this.jobs.work<{ exportId: string; requestId?: string }>(
      QUEUE,
      { retryLimit: 2, retryDelay: 5, expireInSeconds: 3_600, heartbeatSeconds: 30 },
      { localConcurrency: this.config.exports.concurrency, pollingIntervalSeconds: 1 },
      async (jobs) => {
        // The job runs under the id of the request that queued it: its log lines join that request's.
        for (const job of jobs) await withRequestId(job.data.requestId, () => this.runner.run(job.data.exportId));
      },
    );
    const regenerated = await regenerateOutdatedOpenData(this.repository, this.config.exportDir).catch((error: Error) => {
      this.logger.warn({ event: 'open_data.regeneration_failed', err: error.message }, 'outdated open-data packs not regenerated');
      return [];
    });
    for (const exportId of regenerated) await this.enqueue(exportId);
    if (regenerated.length > 0)
      this.logger.log(
        { event: 'open_data.regenerating', packs: regenerated.length },
        'open-data packs of an older layout withdrawn; new packs queued',
      );
  }

  async enqueue(exportId: string): Promise<void> {
    await this.jobs.send(QUEUE, { exportId, requestId: currentRequestId() }, { singletonKey: exportId });
  }
}
