import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { RatingsController } from './ratings.controller.js';
import { RatingsRepository } from './ratings.repository.js';
import { RatingsService } from './ratings.service.js';

@Module({
  imports: [AccountsModule, ConsultationsModule, ThreadsModule, IdempotencyModule, DisclosureModule],
  controllers: [RatingsController],
  providers: [RatingsService, RatingsRepository],
  exports: [RatingsService],
})
export class RatingsModule {}
