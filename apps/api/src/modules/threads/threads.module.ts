import { Module } from '@nestjs/common';
import { ThreadLogService } from './thread-log.service.js';
import { ThreadsRepository } from './threads.repository.js';

@Module({ providers: [ThreadsRepository, ThreadLogService], exports: [ThreadLogService] })
export class ThreadsModule {}
