import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type LocaleCode } from '@compact-voices/contracts';
import { Authenticated } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { AllowWhileSuspended } from '../../core/auth/suspension.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { RequestLocale } from '../../core/http/request-locale.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { AppealsService } from './appeals.service.js';
import { AppealDecisionRequestDto, AppealDto, AppealRequestDto, LocaleQueryDto } from './dto/moderation.dto.js';

@ApiTags('moderation')
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post()
  @Authenticated()
  @AllowWhileSuspended()
  @Idempotent()
  @ApiOperation({
    summary: 'Appeal a decision on your comment, or a sanction against you (once, within 14 days; possible while suspended)',
  })
  @ApiCreatedResponse({ type: AppealDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'APPEAL_EXISTS, APPEAL_WINDOW_CLOSED, NOT_APPEALABLE' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: AppealRequestDto,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.appeals.create(user, dto, locale);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'An appeal and its status (the appellant, the round’s moderators, admins)' })
  @ApiOkResponse({ type: AppealDto })
  get(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.APPEAL_NOT_FOUND) id: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.appeals.get(id, user, locale);
  }

  @Post(':id/decision')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decide an appeal (a moderator or admin other than the original decider, without a conflict of interest)' })
  @ApiOkResponse({ type: AppealDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'ORIGINAL_DECIDER, CONFLICT_OF_INTEREST, NOT_A_MODERATOR' })
  decide(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.APPEAL_NOT_FOUND) id: string,
    @Body() dto: AppealDecisionRequestDto,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.appeals.decide(user, id, dto, locale);
  }
}
