import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { AppealsController } from './appeals.controller.js';
import { AppealsRepository } from './appeals.repository.js';
import { AppealsService } from './appeals.service.js';
import { CosignUseCase } from './cosign.use-case.js';
import { DecideUseCase } from './decide.use-case.js';
import { DecisionApplier } from './decision-applier.js';
import { FlagsController } from './flags.controller.js';
import { FlagsRepository } from './flags.repository.js';
import { FlagsService } from './flags.service.js';
import { HouseRulesController } from './house-rules.controller.js';
import { HouseRulesRepository } from './house-rules.repository.js';
import { HouseRulesService } from './house-rules.service.js';
import { ModerationAccessRepository } from './moderation-access.repository.js';
import { ModerationAccessService } from './moderation-access.service.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationDecisionsRepository } from './moderation-decisions.repository.js';
import { ModerationDecisionsService } from './moderation-decisions.service.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsRepository } from './sanctions.repository.js';
import { SanctionsService } from './sanctions.service.js';
import { TransparencyController } from './transparency.controller.js';
import { TransparencyRepository } from './transparency.repository.js';
import { TransparencyService } from './transparency.service.js';
import { WordFilterController } from './word-filter.controller.js';
import { WordFilterRepository } from './word-filter.repository.js';
import { WordFilterService } from './word-filter.service.js';

/**
 * Due-process moderation: published house rules, flags, queues per round and the restricted
 * safeguarding queue, immutable decisions with co-signature on conflicts of interest, appeals
 * decided by someone else, sanctions, the word filter and the public transparency report.
 */
@Module({
  imports: [ConsultationsModule, ThreadsModule, NotificationsModule, IdempotencyModule, DisclosureModule],
  controllers: [
    HouseRulesController,
    FlagsController,
    ModerationController,
    AppealsController,
    SanctionsController,
    WordFilterController,
    TransparencyController,
  ],
  providers: [
    HouseRulesRepository,
    HouseRulesService,
    ModerationAccessRepository,
    ModerationAccessService,
    FlagsRepository,
    FlagsService,
    ModerationDecisionsRepository,
    ModerationDecisionsService,
    DecisionApplier,
    DecideUseCase,
    CosignUseCase,
    AppealsRepository,
    AppealsService,
    SanctionsRepository,
    SanctionsService,
    WordFilterRepository,
    WordFilterService,
    TransparencyRepository,
    TransparencyService,
  ],
  exports: [HouseRulesService, WordFilterService, ModerationAccessService],
})
export class ModerationModule {}
