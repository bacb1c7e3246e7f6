import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule } from './config/app-config.module.js';
import type { AppConfig } from './config/app-config.js';
import { AccessGuard } from './core/auth/access.guard.js';
import { AuditModule } from './core/audit/audit.module.js';
import { SecurityModule } from './core/security/security.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { ConsultationsModule } from './modules/consultations/consultations.module.js';
import { RatingsModule } from './modules/ratings/ratings.module.js';
import { RealtimeModule } from './modules/realtime/realtime.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { DashboardModule } from './modules/dashboard/dashboard.module.js';
import { DisclosureModule } from './modules/disclosure/disclosure.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LifecycleModule } from './core/lifecycle/lifecycle.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { JobsModule } from './core/jobs/jobs.module.js';
import { loggingOptions } from './core/logging/logging.options.js';
import { CatalogueModule } from './modules/catalogue/catalogue.module.js';
import { HealthModule } from './modules/health/health.module.js';

@Module({})
export class AppModule {
  /** `logStream` lets tests read the logs (the canary tests prove no secret or personal data reaches them). */
  static forRoot(config: AppConfig, logStream?: NodeJS.WritableStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingOptions(config, logStream)),
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        DatabaseModule.forRoot(config),
        LifecycleModule,
        JobsModule,
        MetricsModule,
        SecurityModule,
        AuditModule,
        HealthModule,
        CatalogueModule,
        AccountsModule,
        OrganisationsModule,
        UsersModule,
        ConsultationsModule,
        DisclosureModule,
        CommentsModule,
        RatingsModule,
        RealtimeModule,
        ModerationModule,
        NotificationsModule,
        ExportsModule,
        DashboardModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
