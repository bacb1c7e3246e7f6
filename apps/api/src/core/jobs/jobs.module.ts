import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';

/** The job queue (pg-boss) every feature shares: exports, the retention purge. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
