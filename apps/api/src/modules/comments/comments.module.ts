import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { ThreadPageCache } from './thread-page.cache.js';

@Module({
  imports: [AccountsModule, ConsultationsModule, ThreadsModule, IdempotencyModule, ModerationModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentsRepository, ThreadPageCache],
  exports: [CommentsService],
})
export class CommentsModule {}
