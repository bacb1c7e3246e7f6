import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from '../../core/auth/jwt.strategy.js';
import { MailModule } from '../mail/mail.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';
import { ActingIdentityService } from './acting-identity.service.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { AuthController } from './auth.controller.js';
import { MeController } from './me.controller.js';
import { MeRepository } from './me.repository.js';
import { MeService } from './me.service.js';
import { PasswordService } from './password.service.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionService } from './retention.service.js';
import { SessionTokensService } from './session-tokens.service.js';

@Module({
  imports: [PassportModule, JwtModule.register({}), MailModule, ThreadsModule, DisclosureModule],
  controllers: [AuthController, MeController],
  providers: [
    AccountsRepository,
    AccountsService,
    MeRepository,
    MeService,
    PasswordService,
    SessionTokensService,
    JwtStrategy,
    ActingIdentityService,
    AdminBootstrapService,
    RetentionRepository,
    RetentionService,
  ],
  exports: [ActingIdentityService, AccountsRepository, PasswordService, SessionTokensService],
})
export class AccountsModule {}
