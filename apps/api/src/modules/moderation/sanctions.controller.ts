import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode, type LocaleCode } from '@compact-voices/contracts';
import { Authenticated, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { RequestLocale } from '../../core/http/request-locale.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { LocaleQueryDto, SanctionDto, SanctionListDto, SanctionRequestDto, SanctionsQueryDto } from './dto/moderation.dto.js';
import { SanctionsService } from './sanctions.service.js';

@ApiTags('moderation')
@Controller('moderation/sanctions')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    summary:
      'Sanction the author of a comment in its round (its moderators, admins), or an account (admins); global: everywhere (admins). Longer than 7 days or by someone with a conflict of interest: waits for a co-signature',
  })
  @ApiCreatedResponse({ type: SanctionDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'NOT_A_MODERATOR' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: SanctionRequestDto,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.sanctions.create(user, dto, locale);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Sanctions, newest first: every one (admins), or one round’s (its moderators, admins)' })
  @ApiOkResponse({ type: SanctionListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: SanctionsQueryDto, @RequestLocale() locale?: LocaleCode) {
    return this.sanctions.list(user, query.consultationId, locale);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A sanction (its person, the round’s moderators, admins)' })
  @ApiOkResponse({ type: SanctionDto })
  get(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.SANCTION_NOT_FOUND) id: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.sanctions.get(user, id, locale);
  }

  @Post(':id/cosign')
  @Authenticated()
  @ApiOperation({ summary: 'Co-sign a sanction awaiting a second person: it comes into force and its person is told' })
  @ApiCreatedResponse({ type: SanctionDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'COSIGN_NOT_ALLOWED, NOT_A_MODERATOR' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INVALID_STATUS_TRANSITION' })
  cosign(
    @CurrentUser() user: AuthUser,
    @UuidParam('id', ErrorCode.SANCTION_NOT_FOUND) id: string,
    @Query() query: LocaleQueryDto,
    @RequestLocale() locale?: LocaleCode,
  ) {
    return this.sanctions.cosign(user, id, locale);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Lift a sanction, or withdraw one awaiting its co-signature (admin; the record stays)' })
  @ApiNoContentResponse()
  lift(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.SANCTION_NOT_FOUND) id: string) {
    return this.sanctions.lift(user, id);
  }
}
