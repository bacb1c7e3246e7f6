import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ThreadsModule } from '../threads/threads.module.js';
import { DisclosureService } from './disclosure.service.js';
import { RatingReleasesRepository } from './rating-releases.repository.js';
import { RatingReleasesService } from './rating-releases.service.js';
import { StatisticsGuard } from './statistics-guard.interceptor.js';

/** Disclosure control: rating releases and every public count and statistic (docs/privacy.md). */
@Module({
  imports: [ThreadsModule],
  providers: [DisclosureService, RatingReleasesService, RatingReleasesRepository, { provide: APP_INTERCEPTOR, useClass: StatisticsGuard }],
  exports: [DisclosureService, RatingReleasesService],
})
export class DisclosureModule {}
