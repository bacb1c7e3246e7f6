import { Module } from '@nestjs/common';
import { ThreadLogService } from './thread-log.service.js';

@Module({ providers: [ThreadLogService], exports: [ThreadLogService] })
export class ThreadsModule {}
